package org.policyadvisor.records;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * A consultation's reference: 13 random Crockford base32 symbols (65 bits) and Crockford's mod-37 check symbol,
 * written {@code LH-7K3F-9Q2M-XW4D}. Read back the way people type it: any case, dashes or spaces or none, O for 0,
 * I or L for 1.
 */
public final class Reference {

    static final String SYMBOLS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** Crockford's check alphabet: the 32 symbols and five more for remainders 32–36. */
    private static final String CHECK_SYMBOLS = SYMBOLS + "*~$=U";
    private static final int RANDOM = 13;
    static final int LENGTH = RANDOM + 1;

    private Reference() {}

    /** A new canonical reference (no dashes). References whose check would be a punctuation symbol are drawn again, so every reference is letters and digits. */
    static String next(SecureRandom random) {
        while (true) {
            char[] symbols = new char[LENGTH];
            for (int i = 0; i < RANDOM; i++) symbols[i] = SYMBOLS.charAt(random.nextInt(32));
            char check = check(symbols, RANDOM);
            if (SYMBOLS.indexOf(check) < 0) continue;
            symbols[RANDOM] = check;
            return new String(symbols);
        }
    }

    /** The canonical form of what someone typed, if it is a well-formed reference whose check symbol holds. */
    public static Optional<String> parse(String typed) {
        if (typed == null || typed.length() > 40) return Optional.empty();
        StringBuilder canonical = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ') continue;
            char symbol = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (SYMBOLS.indexOf(symbol) < 0) return Optional.empty();
            canonical.append(symbol);
        }
        if (canonical.length() != LENGTH) return Optional.empty();
        char[] symbols = canonical.toString().toCharArray();
        return check(symbols, RANDOM) == symbols[RANDOM] ? Optional.of(canonical.toString()) : Optional.empty();
    }

    /** How people read and type it: {@code XX-XXXX-XXXX-XXXX}. */
    public static String display(String canonical) {
        return canonical.substring(0, 2) + "-" + canonical.substring(2, 6) + "-" + canonical.substring(6, 10) + "-" + canonical.substring(10);
    }

    private static char check(char[] symbols, int length) {
        int remainder = 0;
        for (int i = 0; i < length; i++) remainder = (remainder * 32 + SYMBOLS.indexOf(symbols[i])) % 37;
        return CHECK_SYMBOLS.charAt(remainder);
    }
}
