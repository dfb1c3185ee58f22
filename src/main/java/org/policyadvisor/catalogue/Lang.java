package org.policyadvisor.catalogue;

import java.util.Locale;
import java.util.Optional;

/** The languages every human-readable text comes in. */
public enum Lang {
    ZH_HANS("zh-Hans"),
    ZH_HANT("zh-Hant"),
    EN("en");

    public static final Lang DEFAULT = ZH_HANS;

    private final String tag;

    Lang(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public static Optional<Lang> parse(String tag) {
        for (Lang lang : values()) {
            if (lang.tag.equalsIgnoreCase(tag)) return Optional.of(lang);
        }
        return Optional.empty();
    }

    /** The first supported language of an Accept-Language header, in the client's order of preference. */
    public static Optional<Lang> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) return Optional.empty();
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                Optional<Lang> lang = closest(range.getRange());
                if (lang.isPresent()) return lang;
            }
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Lang> closest(String range) {
        String r = range.toLowerCase(Locale.ROOT);
        if (r.startsWith("en")) return Optional.of(EN);
        if (r.equals("zh-hant") || r.startsWith("zh-hant-") || r.equals("zh-tw") || r.equals("zh-hk") || r.equals("zh-mo")) {
            return Optional.of(ZH_HANT);
        }
        if (r.startsWith("zh")) return Optional.of(ZH_HANS);
        return Optional.empty();
    }
}
