package io.findingflow.parsers.checkmarx;

import io.findingflow.parsers.FindingSink;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.XmlSubtree;
import java.util.List;

/** Turns the XML report's Results into findings: aggregated per sink file, or one per path. */
interface CheckmarxResults {

    /** Active states: To verify, Confirmed, Urgent, Proposed not exploitable. */
    List<String> ACTIVE_STATES = List.of("0", "2", "3", "4");
    /** Verified states: Confirmed, Urgent. */
    List<String> VERIFIED_STATES = List.of("2", "3");

    void add(CheckmarxXmlParser.Query query, XmlSubtree result, String header, String date)
            throws ParseException;

    /** Hands out the findings in the order DefectDojo's dictionary keeps them. */
    void emit(FindingSink out);
}
