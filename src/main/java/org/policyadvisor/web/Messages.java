package org.policyadvisor.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.catalogue.Text;

/** The service's own texts (error titles, page headings) in every language, from {@code messages.yaml}. */
final class Messages {

    private final Map<String, Text> texts;

    private Messages(Map<String, Text> texts) {
        this.texts = texts;
    }

    static Messages load() {
        try (InputStream in = Messages.class.getResourceAsStream("/messages.yaml")) {
            return new Messages(new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<Map<String, Text>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read messages.yaml", e);
        }
    }

    /** The text for {@code key} with {@code {0}}, {@code {1}}… replaced by the arguments. */
    String get(String key, Lang lang, List<?> args) {
        Text text = texts.get(key);
        if (text == null) throw new IllegalArgumentException("no message " + key);
        String result = text.in(lang);
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            result = result.replace("{" + i + "}", arg instanceof Text words ? words.in(lang) : String.valueOf(arg)); // words from rules/
        }
        return result;
    }

    String get(String key, Lang lang, Object... args) {
        return get(key, lang, List.of(args));
    }

    /** The pages' own words in one language (everything but the API's error texts), for the pages' scripts. */
    Map<String, String> uiTexts(Lang lang) {
        Map<String, String> out = new TreeMap<>();
        texts.forEach((key, text) -> {
            if (!key.startsWith("problem.") && !key.startsWith("field.")) out.put(key, text.in(lang));
        });
        return out;
    }
}
