package org.policyadvisor.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A text in every language; rule files must give all of them. */
public record Text(Map<Lang, String> byLang) {

    public Text {
        byLang = new EnumMap<>(byLang);
    }

    @JsonCreator
    public static Text of(Map<String, String> byTag) {
        Map<Lang, String> texts = new EnumMap<>(Lang.class);
        byTag.forEach((tag, text) -> texts.put(
                Lang.parse(tag).orElseThrow(() -> new IllegalArgumentException("unknown language '" + tag + "'; use zh-Hans, zh-Hant, en")),
                text));
        for (Lang lang : Lang.values()) {
            String text = texts.get(lang);
            if (text == null || text.isBlank()) throw new IllegalArgumentException("missing the " + lang.tag() + " text");
        }
        return new Text(texts);
    }

    public String in(Lang lang) {
        return byLang.get(lang);
    }

    /** All languages keyed by tag, as the catalogue endpoints show them. */
    @JsonValue
    public Map<String, String> byTag() {
        Map<String, String> out = new LinkedHashMap<>();
        byLang.forEach((lang, text) -> out.put(lang.tag(), text));
        return out;
    }
}
