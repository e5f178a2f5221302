package io.findingflow.api.findings;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.findingflow.api.http.QueryParams;
import io.findingflow.schemas.Json;
import io.findingflow.schemas.Sql;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * DefectDojo's tag filters on findings as SQL conditions: {@code tags} (any of a comma separated
 * list), {@code tags__and} (all of them), {@code not_tags}, {@code tag} / {@code not_tag} (a tag
 * containing the text, ignoring case, or none) and {@code has_tags}. A finding's tags live in its
 * JSON body; 18.16 has no JSON functions beyond {@code visitParamExtractRaw}, which takes the first
 * {@code "tags":} member (the finding's own: the body's nested objects have no tags, and a name
 * inside a string value has its quotes escaped). The array's string tokens are compared in their
 * JSON form, exactly, so "a" never matches inside "a,b". Reads every body of the products: fine for
 * an occasional filter, the cost to remove with a tags column if tag filters become common.
 */
final class FindingTagFilters {

    /** The JSON strings (quotes included) of the body's tags. */
    private static final String TAGS = "extractAll(visitParamExtractRaw(body, 'tags'), "
            + Sql.quote("\"(?:[^\"\\\\]|\\\\.)*\"") + ")";

    private FindingTagFilters() {}

    static List<String> conditions(Context ctx) {
        List<String> conditions = new ArrayList<>();
        List<String> any = QueryParams.commaList(QueryParams.text(ctx, "tags"));
        if (!any.isEmpty()) {
            conditions.add("hasAny(" + TAGS + ", " + array(any) + ")");
        }
        List<String> all = QueryParams.commaList(QueryParams.text(ctx, "tags__and"));
        if (!all.isEmpty()) {
            conditions.add("hasAll(" + TAGS + ", " + array(all) + ")");
        }
        List<String> none = QueryParams.commaList(QueryParams.text(ctx, "not_tags"));
        if (!none.isEmpty()) {
            conditions.add("NOT hasAny(" + TAGS + ", " + array(none) + ")");
        }
        String contains = QueryParams.text(ctx, "tag");
        if (contains != null) {
            conditions.add(someTagContains(contains));
        }
        String containsNot = QueryParams.text(ctx, "not_tag");
        if (containsNot != null) {
            conditions.add("NOT " + someTagContains(containsNot));
        }
        Boolean has = QueryParams.bool(ctx, "has_tags");
        if (has != null) {
            conditions.add("notEmpty(" + TAGS + ") = " + (has ? 1 : 0));
        }
        return conditions;
    }

    private static String someTagContains(String text) {
        String json = json(text);
        return "arrayExists(t -> positionCaseInsensitiveUTF8(t, " + Sql.quote(json.substring(1, json.length() - 1))
                + ") > 0, " + TAGS + ")";
    }

    private static String array(List<String> names) {
        List<String> literals = new ArrayList<>();
        names.forEach(name -> literals.add(Sql.quote(json(name))));
        return "[" + String.join(", ", literals) + "]";
    }

    /** The tag as the body's JSON writes it (the same Jackson settings). */
    private static String json(String text) {
        try {
            return Json.mapper().writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
