package io.findingflow.parsers;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CVSS 3.0/3.1 vector as the Python {@code cvss} library (which DefectDojo pins) reads it:
 * strict parsing ({@code CVSS3(vector)} raises on anything malformed), {@code clean_vector()} and
 * the base, temporal and environmental scores in decimal arithmetic, so rounding edges agree.
 */
public final class Cvss3Vector {

    private static final MathContext MC = new MathContext(28, RoundingMode.HALF_EVEN);
    private static final List<String> ORDER =
            List.of("AV", "AC", "PR", "UI", "S", "C", "I", "A", "E", "RL", "RC", "CR", "IR", "AR",
                    "MAV", "MAC", "MPR", "MUI", "MS", "MC", "MI", "MA");
    private static final List<String> MANDATORY = List.of("AV", "AC", "PR", "UI", "S", "C", "I", "A");
    private static final Map<String, Map<String, String>> WEIGHTS = weights();
    /** The candidates {@code cvss.parser.parse_cvss_from_text} looks at. */
    private static final Pattern IN_TEXT = Pattern.compile("(?:CVSS:[3-4]\\.\\d/)?[A-Za-z:/]{26,}");

    private static final Map<String, Optional<Cvss3Vector>> PARSED = new ConcurrentHashMap<>();
    private static final int PARSED_LIMIT = 4096;

    private final int minorVersion;
    private final Map<String, String> original;
    private final Map<String, String> metrics;
    private final BigDecimal base;
    private final BigDecimal temporal;
    private final BigDecimal environmental;
    /** Built once: a cached vector is asked for it on every row that repeats it. */
    private final String cleanVector;

    private Cvss3Vector(int minorVersion, Map<String, String> original) {
        this.minorVersion = minorVersion;
        this.original = original;
        this.metrics = new HashMap<>(original);
        for (String modified : List.of("MAV", "MAC", "MPR", "MUI", "MC", "MI", "MA")) {
            String value = metrics.get(modified);
            if (value == null || value.equals("X")) {
                metrics.put(modified, metrics.get(modified.substring(1)));
            }
        }
        this.base = baseScore(metrics.get("S"), "");
        this.temporal = roundUp(base.multiply(temporalFactor(), MC));
        String modifiedScope = metrics.getOrDefault("MS", "X");
        if (modifiedScope.equals("X")) {
            modifiedScope = metrics.get("S");
        }
        this.environmental = environmentalScore(modifiedScope);
        this.cleanVector = clean(minorVersion, original);
    }

    /** {@code CVSS3(vector)}; throws IllegalArgumentException where the library raises. */
    public static Cvss3Vector parse(String vector) {
        if (vector == null || vector.isEmpty()) {
            throw new IllegalArgumentException("Malformed CVSS3 vector, vector is empty");
        }
        if (vector.endsWith("/")) {
            throw new IllegalArgumentException("Malformed CVSS3 vector, trailing \"/\"");
        }
        int minor;
        if (vector.startsWith("CVSS:3.0/")) {
            minor = 0;
        } else if (vector.startsWith("CVSS:3.1/")) {
            minor = 1;
        } else {
            throw new IllegalArgumentException("Malformed CVSS3 vector \"" + vector + "\": no CVSS:3.x/ prefix");
        }
        String[] fields = vector.split("/", -1);
        Map<String, String> metrics = new HashMap<>();
        for (int i = 1; i < fields.length; i++) {
            String[] pair = fields[i].split(":", -1);
            if (fields[i].isEmpty() || pair.length != 2) {
                throw new IllegalArgumentException("Malformed CVSS3 field \"" + fields[i] + "\"");
            }
            Map<String, String> allowed = WEIGHTS.get(pair[0]);
            if (allowed == null || !allowed.containsKey(pair[1]) || metrics.containsKey(pair[0])) {
                throw new IllegalArgumentException("Invalid CVSS3 field \"" + fields[i] + "\"");
            }
            metrics.put(pair[0], pair[1]);
        }
        for (String mandatory : MANDATORY) {
            if (!metrics.containsKey(mandatory)) {
                throw new IllegalArgumentException("Missing mandatory CVSS3 metric " + mandatory);
            }
        }
        return new Cvss3Vector(minor, metrics);
    }

    /**
     * {@code parse(vector)} or null instead of an exception. Results are kept: a report repeats a
     * handful of vectors on thousands of rows, and scoring one (decimal arithmetic) costs far more
     * than the rest of a row. Vectors are immutable, so sharing them is safe.
     */
    public static Cvss3Vector parseOrNull(String vector) {
        if (vector == null) {
            return null;
        }
        Optional<Cvss3Vector> cached = PARSED.get(vector);
        if (cached == null) {
            if (PARSED.size() >= PARSED_LIMIT) {
                PARSED.clear();
            }
            cached = Optional.ofNullable(parseUncached(vector));
            PARSED.put(vector, cached);
        }
        return cached.orElse(null);
    }

    private static Cvss3Vector parseUncached(String vector) {
        try {
            return parse(vector);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /**
     * The first CVSS 3 vector {@code parse_cvss_from_text} finds in free text, or null. (The library
     * returns a set; with one vector in the text, as in the reports, the order does not matter.)
     */
    public static Cvss3Vector firstInText(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Matcher candidates = IN_TEXT.matcher(text);
        while (candidates.find()) {
            if (candidates.group().startsWith("CVSS:3.")) {
                Cvss3Vector vector = parseOrNull(candidates.group());
                if (vector != null) {
                    return vector;
                }
            }
        }
        return null;
    }

    /** {@code clean_vector()}: the given metrics in canonical order, "X" values left out. */
    public String cleanVector() {
        return cleanVector;
    }

    private static String clean(int minorVersion, Map<String, String> original) {
        StringBuilder out = new StringBuilder("CVSS:3.").append(minorVersion).append('/');
        boolean first = true;
        for (String metric : ORDER) {
            String value = original.get(metric);
            if (value != null && !value.equals("X")) {
                out.append(first ? "" : "/").append(metric).append(':').append(value);
                first = false;
            }
        }
        return out.toString();
    }

    public double baseScore() {
        return base.doubleValue();
    }

    public double temporalScore() {
        return temporal.doubleValue();
    }

    /** {@code scores()[2]}, the score DefectDojo's {@code parse_cvss_data} keeps. */
    public double environmentalScore() {
        return environmental.doubleValue();
    }

    private BigDecimal baseScore(String scope, String prefix) {
        BigDecimal iscBase = BigDecimal.ONE.subtract(
                one(prefix + "C").multiply(one(prefix + "I"), MC).multiply(one(prefix + "A"), MC), MC);
        BigDecimal isc = scope.equals("U")
                ? new BigDecimal("6.42").multiply(iscBase, MC)
                : new BigDecimal("7.52").multiply(iscBase.subtract(new BigDecimal("0.029")), MC)
                        .subtract(new BigDecimal("3.25").multiply(iscBase.subtract(new BigDecimal("0.02")).pow(15, MC), MC), MC);
        return subScore(isc, exploitability(prefix, scope), scope);
    }

    private BigDecimal environmentalScore(String modifiedScope) {
        BigDecimal misc = BigDecimal.ONE.subtract(
                modifiedOne("C").multiply(modifiedOne("I"), MC).multiply(modifiedOne("A"), MC), MC)
                .min(new BigDecimal("0.915"));
        BigDecimal isc;
        if (modifiedScope.equals("U")) {
            isc = new BigDecimal("6.42").multiply(misc, MC);
        } else {
            BigDecimal tail = minorVersion == 1
                    ? misc.multiply(new BigDecimal("0.9731"), MC).subtract(new BigDecimal("0.02")).pow(13, MC)
                    : misc.subtract(new BigDecimal("0.02")).pow(15, MC);
            isc = new BigDecimal("7.52").multiply(misc.subtract(new BigDecimal("0.029")), MC)
                    .subtract(new BigDecimal("3.25").multiply(tail, MC), MC);
        }
        BigDecimal modified = subScore(isc, exploitability("M", modifiedScope), modifiedScope);
        if (isc.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return roundUp(modified.multiply(temporalFactor(), MC));
    }

    private BigDecimal subScore(BigDecimal impact, BigDecimal exploitability, String scope) {
        if (impact.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal sum = impact.add(exploitability, MC);
        if (!scope.equals("U")) {
            sum = new BigDecimal("1.08").multiply(sum, MC);
        }
        return roundUp(sum.min(BigDecimal.TEN));
    }

    private BigDecimal exploitability(String prefix, String scope) {
        return new BigDecimal("8.22")
                .multiply(weight(prefix + "AV"), MC)
                .multiply(weight(prefix + "AC"), MC)
                .multiply(privileges(prefix + "PR", scope), MC)
                .multiply(weight(prefix + "UI"), MC);
    }

    private BigDecimal privileges(String metric, String scope) {
        String value = metrics.get(metric);
        if (scope.equals("C")) {
            return new BigDecimal(value.equals("N") ? "0.85" : value.equals("L") ? "0.68" : "0.50");
        }
        return weight(metric);
    }

    private BigDecimal temporalFactor() {
        return weight("E").multiply(weight("RL"), MC).multiply(weight("RC"), MC);
    }

    private BigDecimal one(String metric) {
        return BigDecimal.ONE.subtract(weight(metric));
    }

    private BigDecimal modifiedOne(String impact) {
        return BigDecimal.ONE.subtract(weight("M" + impact).multiply(weight(impact + "R"), MC), MC);
    }

    private BigDecimal weight(String metric) {
        String table = metric.startsWith("M") && metric.length() > 1 && !metric.equals("MS")
                ? metric.substring(1) : metric;
        return new BigDecimal(WEIGHTS.get(table).get(metrics.getOrDefault(metric, "X")));
    }

    /** The library's round-up: plain ceiling for 3.0, the specification's integer form for 3.1. */
    private BigDecimal roundUp(BigDecimal value) {
        if (minorVersion == 1) {
            BigDecimal scaled = value.multiply(BigDecimal.valueOf(100000)).setScale(0, RoundingMode.HALF_EVEN);
            if (scaled.remainder(BigDecimal.valueOf(10000)).signum() == 0) {
                return scaled.movePointLeft(5);
            }
            return scaled.divide(BigDecimal.valueOf(10000), 0, RoundingMode.FLOOR).add(BigDecimal.ONE).movePointLeft(1);
        }
        return value.setScale(1, RoundingMode.CEILING);
    }

    private static Map<String, Map<String, String>> weights() {
        Map<String, Map<String, String>> w = new HashMap<>();
        w.put("AV", Map.of("N", "0.85", "A", "0.62", "L", "0.55", "P", "0.2"));
        w.put("AC", Map.of("L", "0.77", "H", "0.44"));
        w.put("PR", Map.of("N", "0.85", "L", "0.62", "H", "0.27"));
        w.put("UI", Map.of("N", "0.85", "R", "0.62"));
        w.put("S", Map.of("U", "0", "C", "0"));
        Map<String, String> impact = Map.of("H", "0.56", "L", "0.22", "N", "0");
        w.put("C", impact);
        w.put("I", impact);
        w.put("A", impact);
        w.put("E", Map.of("X", "1", "H", "1", "F", "0.97", "P", "0.94", "U", "0.91"));
        w.put("RL", Map.of("X", "1", "U", "1", "W", "0.97", "T", "0.96", "O", "0.95"));
        w.put("RC", Map.of("X", "1", "C", "1", "R", "0.96", "U", "0.92"));
        Map<String, String> requirement = Map.of("X", "1", "H", "1.5", "M", "1", "L", "0.5");
        w.put("CR", requirement);
        w.put("IR", requirement);
        w.put("AR", requirement);
        for (String base : List.of("AV", "AC", "PR", "UI", "C", "I", "A")) {
            Map<String, String> modified = new HashMap<>(w.get(base));
            modified.put("X", "0");
            w.put("M" + base, modified);
        }
        w.put("MS", Map.of("X", "0", "U", "0", "C", "0"));
        return Map.copyOf(w);
    }
}
