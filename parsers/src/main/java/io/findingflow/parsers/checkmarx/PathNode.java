package io.findingflow.parsers.checkmarx;

import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.XmlSubtree;

/** A PathNode's file, line and object (function, parameter...), as DefectDojo reads them. */
record PathNode(String fileName, int line, String object) {

    static PathNode of(XmlSubtree node) throws ParseException {
        XmlSubtree fileName = node.child("FileName");
        XmlSubtree line = node.child("Line");
        XmlSubtree name = node.child("Name");
        if (fileName == null || line == null || name == null || line.text() == null) {
            throw new ParseException("Invalid " + CheckmarxXmlParser.FORMAT
                    + " report: a <PathNode> lacks its FileName, Line or Name");
        }
        try {
            return new PathNode(fileName.text(), Integer.parseInt(line.text().strip()), name.text());
        } catch (NumberFormatException e) {
            throw new ParseException("Invalid " + CheckmarxXmlParser.FORMAT
                    + " report: a <PathNode> has a non-numeric Line \"" + line.text() + "\"");
        }
    }

    /** The file's base name, which DefectDojo appends to titles. */
    String baseName() {
        return fileName.substring(fileName.lastIndexOf('/') + 1);
    }
}
