package io.findingflow.parsers.tenable;

import io.findingflow.parsers.FindingSink;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings of a Tenable CSV report by DefectDojo's merge key, {@code severity + title + host +
 * port + synopsis} as one string (so parts that concatenate to the same text merge, as there), in
 * first-seen order.
 *
 * <p>Every finding is held until the last row, so this is the parse's big structure. An
 * open-addressing table of the keys' hashes and list positions is probed without touching any
 * finding, grows without touching them, and the findings are referenced from one list in the order
 * they are handed out (a {@code LinkedHashMap} of concatenated keys cost a node and a key string
 * per finding, a rehash of every node as it grew, and after a garbage collection had moved its
 * findings in hash order, a cache miss per finding handed out). The key's hash is the concatenated
 * string's {@code hashCode}, computed from the parts' hashes: title and synopsis are shared
 * strings whose hashes are cached.
 */
final class CsvMergeTable {

    private static final int[] POWERS_OF_31 = powersOf31(4096);

    private final List<MergedFinding> findings = new ArrayList<>();
    private final List<String[]> keys = new ArrayList<>();
    /** Per slot: list position + 1 (0: free), and that key's hash. */
    private int[] positions = new int[1024];
    private int[] hashes = new int[1024];

    /** The finding merged under this key so far, or null. */
    MergedFinding get(String[] key, int hash) {
        int mask = positions.length - 1;
        for (int slot = spread(hash) & mask; positions[slot] != 0; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && sameText(keys.get(positions[slot] - 1), key)) {
                return findings.get(positions[slot] - 1);
            }
        }
        return null;
    }

    /** Adds a finding under a key {@link #get} did not find. */
    void add(String[] key, int hash, MergedFinding finding) {
        findings.add(finding);
        keys.add(key);
        if (findings.size() * 2 > positions.length) {
            grow();
        }
        place(positions, hashes, hash, findings.size());
    }

    /** Hands every finding out in first-seen order, letting each go once written. */
    void emitAll(FindingSink out) {
        positions = null;
        hashes = null;
        keys.clear();
        for (int i = 0; i < findings.size(); i++) {
            MergedFinding merged = findings.set(i, null);
            out.accept(merged.complete());
        }
        findings.clear();
    }

    /** {@code String.join("", parts).hashCode()} without joining. */
    static int hash(String[] parts) {
        int hash = 0;
        for (String part : parts) {
            hash = hash * powerOf31(part.length()) + part.hashCode();
        }
        return hash;
    }

    private static boolean sameText(String[] a, String[] b) {
        boolean sameParts = true;
        for (int i = 0; i < a.length && sameParts; i++) {
            sameParts = a[i].equals(b[i]);
        }
        return sameParts || String.join("", a).equals(String.join("", b));
    }

    private void grow() {
        int[] newPositions = new int[positions.length * 2];
        int[] newHashes = new int[hashes.length * 2];
        for (int slot = 0; slot < positions.length; slot++) {
            if (positions[slot] != 0) {
                place(newPositions, newHashes, hashes[slot], positions[slot]);
            }
        }
        positions = newPositions;
        hashes = newHashes;
    }

    private static void place(int[] positions, int[] hashes, int hash, int position) {
        int mask = positions.length - 1;
        int slot = spread(hash) & mask;
        while (positions[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        positions[slot] = position;
        hashes[slot] = hash;
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static int powerOf31(int exponent) {
        if (exponent < POWERS_OF_31.length) {
            return POWERS_OF_31[exponent];
        }
        int power = 1;
        int base = 31;
        for (int e = exponent; e > 0; e >>>= 1) {
            if ((e & 1) != 0) {
                power *= base;
            }
            base *= base;
        }
        return power;
    }

    private static int[] powersOf31(int count) {
        int[] powers = new int[count];
        powers[0] = 1;
        for (int i = 1; i < count; i++) {
            powers[i] = powers[i - 1] * 31;
        }
        return powers;
    }
}
