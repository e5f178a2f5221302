package io.findingflow.parsers.trivy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CVSS 3.0/3.1 vector scored the way DefectDojo's {@code parse_cvss_data} does with the Python
 * {@code cvss} library: the cleaned vector, the environmental score (index 2 of {@code scores()})
 * and the base severity. Decimal arithmetic at Python's default 28 digits, so rounding edges agree.
 */
record Cvss3(String vector, double environmentalScore, String baseSeverity) {

    private static final MathContext MC = new MathContext(28, RoundingMode.HALF_EVEN);
    private static final Pattern PREFIX = Pattern.compile("CVSS:3\\.([01])/");
    private static final List<String> ORDER =
            List.of("AV", "AC", "PR", "UI", "S", "C", "I", "A", "E", "RL", "RC", "CR", "IR", "AR",
                    "MAV", "MAC", "MPR", "MUI", "MS", "MC", "MI", "MA");
    private static final Map<String, String> VALUES =
            Map.ofEntries(
                    Map.entry("AV", "NALP"), Map.entry("AC", "LH"), Map.entry("PR", "NLH"),
                    Map.entry("UI", "NR"), Map.entry("S", "UC"), Map.entry("C", "HLN"),
                    Map.entry("I", "HLN"), Map.entry("A", "HLN"), Map.entry("E", "XHFPU"),
                    Map.entry("RL", "XUWTO"), Map.entry("RC", "XCRU"), Map.entry("CR", "XHML"),
                    Map.entry("IR", "XHML"), Map.entry("AR", "XHML"), Map.entry("MAV", "XNALP"),
                    Map.entry("MAC", "XLH"), Map.entry("MPR", "XNLH"), Map.entry("MUI", "XNR"),
                    Map.entry("MS", "XUC"), Map.entry("MC", "XHLN"), Map.entry("MI", "XHLN"),
                    Map.entry("MA", "XHLN"));

    /** Scored vectors: a report repeats a handful of vectors thousands of times. */
    private static final Map<String, Optional<Cvss3>> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 4096;

    /**
     * The vectors scored last, by a hash of their length and two characters: a repeated vector is
     * found with one comparison instead of hashing its forty-odd characters for {@link #CACHE}.
     * Entries are immutable, so threads racing on a slot see a whole entry or another one.
     */
    private static final Scored[] RECENT = new Scored[64];

    private record Scored(String text, Optional<Cvss3> result) {}

    /** The first valid CVSS 3 vector in {@code text}, or null (DefectDojo then falls back to scores). */
    static Cvss3 parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        int length = text.length();
        int slot = (length * 31 + text.charAt(length >>> 1) * 7 + text.charAt(length - 1)) & (RECENT.length - 1);
        Scored recent = RECENT[slot];
        if (recent != null && recent.text().equals(text)) {
            return recent.result().orElse(null);
        }
        Optional<Cvss3> cached = cached(text);
        RECENT[slot] = new Scored(text, cached);
        return cached.orElse(null);
    }

    private static Optional<Cvss3> cached(String text) {
        Optional<Cvss3> cached = CACHE.get(text);
        if (cached == null) {
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear();
            }
            cached = Optional.ofNullable(compute(text));
            CACHE.put(text, cached);
        }
        return cached;
    }

    private static Cvss3 compute(String text) {
        Matcher prefix = PREFIX.matcher(text);
        while (prefix.find()) {
            Map<String, String> metrics = metrics(text.substring(prefix.end()));
            if (metrics != null) {
                return score(prefix.group(1).equals("1"), metrics);
            }
        }
        return null;
    }

    private static Map<String, String> metrics(String rest) {
        Map<String, String> metrics = new LinkedHashMap<>();
        for (String part : rest.split("/", -1)) {
            int colon = part.indexOf(':');
            if (colon <= 0 || part.length() != colon + 2) {
                break;
            }
            String name = part.substring(0, colon);
            String value = part.substring(colon + 1);
            String allowed = VALUES.get(name);
            if (allowed == null || allowed.indexOf(value.charAt(0)) < 0 || metrics.containsKey(name)) {
                return null;
            }
            metrics.put(name, value);
        }
        for (String base : ORDER.subList(0, 8)) {
            if (!metrics.containsKey(base)) {
                return null;
            }
        }
        return metrics;
    }

    private static Cvss3 score(boolean v31, Map<String, String> m) {
        StringBuilder vector = new StringBuilder(v31 ? "CVSS:3.1" : "CVSS:3.0");
        for (String name : ORDER) {
            String value = m.get(name);
            if (value != null && !value.equals("X")) {
                vector.append('/').append(name).append(':').append(value);
            }
        }
        boolean changed = m.get("S").equals("C");
        BigDecimal iscBase = one().subtract(
                one().subtract(cia(m.get("C"))).multiply(one().subtract(cia(m.get("I"))), MC)
                        .multiply(one().subtract(cia(m.get("A"))), MC), MC);
        BigDecimal isc = changed
                ? d("7.52").multiply(iscBase.subtract(d("0.029")), MC)
                        .subtract(d("3.25").multiply(iscBase.subtract(d("0.02")).pow(15, MC), MC), MC)
                : d("6.42").multiply(iscBase, MC);
        BigDecimal esc = exploitability(m.get("AV"), m.get("AC"), m.get("PR"), m.get("UI"), changed);
        BigDecimal base;
        if (isc.signum() <= 0) {
            base = BigDecimal.ZERO;
        } else {
            BigDecimal sum = changed ? d("1.08").multiply(isc.add(esc, MC), MC) : isc.add(esc, MC);
            base = round(v31, sum.min(d("10")));
        }
        return new Cvss3(vector.toString(), environmental(v31, m).doubleValue(), severity(base));
    }

    private static BigDecimal environmental(boolean v31, Map<String, String> m) {
        String ms = modified(m, "MS", "S");
        boolean changed = ms.equals("C");
        BigDecimal mib = one().subtract(
                one().subtract(cia(modified(m, "MC", "C")).multiply(req(m.get("CR")), MC))
                        .multiply(one().subtract(cia(modified(m, "MI", "I")).multiply(req(m.get("IR")), MC)), MC)
                        .multiply(one().subtract(cia(modified(m, "MA", "A")).multiply(req(m.get("AR")), MC)), MC),
                MC).min(d("0.915"));
        BigDecimal misc;
        if (!changed) {
            misc = d("6.42").multiply(mib, MC);
        } else if (v31) {
            misc = d("7.52").multiply(mib.subtract(d("0.029")), MC).subtract(
                    d("3.25").multiply(mib.multiply(d("0.9731"), MC).subtract(d("0.02")).pow(13, MC), MC), MC);
        } else {
            misc = d("7.52").multiply(mib.subtract(d("0.029")), MC)
                    .subtract(d("3.25").multiply(mib.subtract(d("0.02")).pow(15, MC), MC), MC);
        }
        if (misc.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal mesc = exploitability(modified(m, "MAV", "AV"), modified(m, "MAC", "AC"),
                modified(m, "MPR", "PR"), modified(m, "MUI", "UI"), changed);
        BigDecimal sum = changed ? d("1.08").multiply(misc.add(mesc, MC), MC) : misc.add(mesc, MC);
        BigDecimal temporal = temporal("E", m.get("E")).multiply(temporal("RL", m.get("RL")), MC)
                .multiply(temporal("RC", m.get("RC")), MC);
        return round(v31, round(v31, sum.min(d("10"))).multiply(temporal, MC));
    }

    private static String modified(Map<String, String> m, String name, String baseName) {
        String value = m.get(name);
        return value == null || value.equals("X") ? m.get(baseName) : value;
    }

    private static BigDecimal exploitability(String av, String ac, String pr, String ui, boolean changed) {
        BigDecimal avW = d(switch (av) { case "N" -> "0.85"; case "A" -> "0.62"; case "L" -> "0.55"; default -> "0.2"; });
        BigDecimal acW = d(ac.equals("L") ? "0.77" : "0.44");
        BigDecimal prW = d(switch (pr) {
            case "N" -> "0.85";
            case "L" -> changed ? "0.68" : "0.62";
            default -> changed ? "0.5" : "0.27";
        });
        BigDecimal uiW = d(ui.equals("N") ? "0.85" : "0.62");
        return d("8.22").multiply(avW, MC).multiply(acW, MC).multiply(prW, MC).multiply(uiW, MC);
    }

    private static BigDecimal cia(String value) {
        return d(switch (value) { case "H" -> "0.56"; case "L" -> "0.22"; default -> "0"; });
    }

    private static BigDecimal req(String value) {
        return d(value == null ? "1" : switch (value) { case "H" -> "1.5"; case "L" -> "0.5"; default -> "1"; });
    }

    private static BigDecimal temporal(String metric, String value) {
        if (value == null) {
            return one();
        }
        return d(switch (metric + value) {
            case "EF", "RLW" -> "0.97";
            case "EP" -> "0.94";
            case "EU" -> "0.91";
            case "RLT", "RCR" -> "0.96";
            case "RLO" -> "0.95";
            case "RCU" -> "0.92";
            default -> "1";
        });
    }

    /** CVSS 3.1's float-safe Roundup (Appendix A); 3.0's plain ceiling to one decimal. */
    private static BigDecimal round(boolean v31, BigDecimal value) {
        if (!v31) {
            return value.setScale(1, RoundingMode.CEILING);
        }
        BigDecimal intInput = value.multiply(d("100000"), MC).setScale(0, RoundingMode.HALF_EVEN);
        if (intInput.remainder(d("10000")).signum() == 0) {
            return intInput.divide(d("100000"));
        }
        BigDecimal tenths = intInput.divide(d("10000"), 0, RoundingMode.FLOOR).add(one());
        return tenths.divide(d("10"));
    }

    private static String severity(BigDecimal base) {
        double score = base.doubleValue();
        if (score == 0) {
            return "None";
        }
        return score <= 3.9 ? "Low" : score <= 6.9 ? "Medium" : score <= 8.9 ? "High" : "Critical";
    }

    private static BigDecimal one() {
        return BigDecimal.ONE;
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
