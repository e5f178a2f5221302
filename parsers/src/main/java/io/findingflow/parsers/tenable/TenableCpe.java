package io.findingflow.parsers.tenable;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Product and version of a {@code cpe:/} name as the Python {@code cpe} library's
 * {@code CPE(name).get_product()[0]} / {@code get_version()[0]} give them: a valid CPE 2.2 URI is
 * read lower-cased as part:vendor:product:version; anything 2.2 rejects (a trailing comma, say)
 * falls back to CPE 1.1, where the components start at the vendor, so "cpe:/a:microsoft:ie,"
 * yields product "microsoft" and version "ie,". That is what DefectDojo stores, so it is kept.
 */
final class TenableCpe {

    private static final Pattern URI_22 = Pattern.compile(
            "^cpe:/(?<part>h|o|a)?(:(?<vendor>[^:]+)?)?(:(?<product>[^:]+)?)?(:(?<version>[^:]+)?)?"
                    + "(:(?<update>[^:]+)?)?(:(?<edition>[^:]+)?)?(:(?<language>[^:]+)?)?$");
    private static final Pattern VALUE_22 =
            Pattern.compile("^[\\d\\w._\\-~%\\\\/]+$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern PARTS_11 = Pattern.compile("^cpe:/([^/]+)?(/([^/]+)?(/([^/]+)?)?)?$");
    private static final String CHARS_11 = "[\\w.\\-,()@#]+";
    private static final Pattern VALUE_11 = Pattern.compile(
            "^((~" + CHARS_11 + ")|(" + CHARS_11 + "(!" + CHARS_11 + ")*))$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern LANGUAGE = Pattern.compile("^([a-z]{2,3}(-([a-z]{2}|[\\d]{3}))?)$");
    /** CPE 1.1 components after the vendor: 1 vendor ... 10 other; more raise in the library. */
    private static final int MAX_COMPONENT = 10;

    private TenableCpe() {}

    /** {product, version}, either possibly null; null when the library would raise. */
    static String[] productAndVersion(String cpe) {
        if (cpe.contains(" ")) {
            return null;
        }
        String[] uri = version22(cpe.toLowerCase(Locale.ROOT));
        return uri != null ? uri : version11(cpe);
    }

    private static String[] version22(String cpe) {
        Matcher m = URI_22.matcher(cpe);
        if (!m.matches()) {
            return null;
        }
        for (String component : new String[] {"vendor", "product", "version", "update"}) {
            String value = m.group(component);
            if (value != null && !VALUE_22.matcher(value).matches()) {
                return null;
            }
        }
        String language = m.group("language");
        if (language != null && !LANGUAGE.matcher(language.toLowerCase(Locale.ROOT)).matches()) {
            return null;
        }
        return new String[] {orEmpty(m.group("product")), orEmpty(m.group("version"))};
    }

    private static String[] version11(String cpe) {
        Matcher m = PARTS_11.matcher(cpe);
        if (!m.matches()) {
            return null;
        }
        String[] first = null;
        for (String part : new String[] {m.group(1), m.group(3), m.group(5)}) {
            if (part == null) {
                continue;
            }
            for (String element : part.split(";", -1)) {
                String[] components = element.split(":", -1);
                if (components.length > MAX_COMPONENT) {
                    return null;
                }
                for (int i = 0; i < components.length; i++) {
                    if (!valid11(components[i], i + 1)) {
                        return null;
                    }
                }
                if (first == null) {
                    first = new String[] {component(components, 1), component(components, 2)};
                }
            }
        }
        return first == null ? new String[] {null, null} : first;
    }

    private static boolean valid11(String value, int index) {
        if (value.isEmpty() || index == 5) {
            return true;
        }
        if (index == 6) {
            return LANGUAGE.matcher(value.toLowerCase(Locale.ROOT)).matches();
        }
        return VALUE_11.matcher(value).matches();
    }

    private static String component(String[] components, int index) {
        return index < components.length ? components[index] : "";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
