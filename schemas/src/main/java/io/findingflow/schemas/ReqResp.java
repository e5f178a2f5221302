package io.findingflow.schemas;

/** One request/response pair of a dynamic finding, as DefectDojo's {@code unsaved_req_resp}. */
public record ReqResp(String req, String resp) {}
