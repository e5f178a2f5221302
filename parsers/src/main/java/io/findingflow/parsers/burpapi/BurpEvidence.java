package io.findingflow.parsers.burpapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.parsers.PythonText;
import io.findingflow.schemas.ReqResp;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/** Request/response pairs rebuilt from the base64 segments of an issue's evidence. */
final class BurpEvidence {

    private static final Set<String> WITH_MESSAGES = Set.of("InformationListEvidence", "FirstOrderEvidence");
    private static final String HIGHLIGHT =
            "\n\n------------------------------------------------------------------\n\n";
    private static final String NOT_UTF8 = "Decoding of the DataSegment failed. Thus, decoded with `latin1`. "
            + "The result is the following one:\n";

    private BurpEvidence() {}

    /** Adds one pair per evidence item that carries a request/response; other evidence is skipped. */
    static void addRequests(JsonNode evidence, List<ReqResp> out) {
        if (!evidence.isArray()) {
            return;
        }
        for (JsonNode item : evidence) {
            if (!WITH_MESSAGES.contains(item.path("type").textValue())) {
                continue;
            }
            JsonNode messages = item.path("request_response");
            out.add(new ReqResp(decode(messages.get("request")), decode(messages.get("response"))));
        }
    }

    /** DataSegments are base64 text, SnipSegments a length marker, HighlightSegments a separator. */
    static String decode(JsonNode segments) {
        StringBuilder text = new StringBuilder();
        if (segments == null || segments.isNull()) {
            return "";
        }
        for (JsonNode segment : segments) {
            String type = segment.path("type").asText(null);
            if ("DataSegment".equals(type)) {
                byte[] data = Base64.getMimeDecoder().decode(segment.path("data").asText(""));
                text.append(utf8OrLatin1(data));
            } else if ("SnipSegment".equals(type)) {
                text.append("\n<...> (").append(PythonText.str(segment.get("length"))).append(" bytes)");
            } else if ("HighlightSegment".equals(type)) {
                text.append(HIGHLIGHT);
            } else {
                throw new IllegalArgumentException("unknown segment type in Burp data " + PythonText.str(segment.get("type")));
            }
        }
        return text.toString();
    }

    private static String utf8OrLatin1(byte[] data) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return NOT_UTF8 + new String(data, StandardCharsets.ISO_8859_1);
        }
    }
}
