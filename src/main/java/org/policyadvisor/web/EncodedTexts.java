package org.policyadvisor.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.policyadvisor.catalogue.Catalogue;
import org.policyadvisor.catalogue.Criterion;
import org.policyadvisor.catalogue.Program;
import org.policyadvisor.catalogue.Question;
import org.policyadvisor.catalogue.Text;
import org.policyadvisor.ruleset.Ruleset;

/**
 * Every string of a ruleset's catalogue, quoted and encoded as JSON once. An answer is mostly these texts, and
 * copying their bytes is several times faster than escaping and encoding them again for every request. Strings
 * are matched by identity, so only the catalogue's own instances are taken from here; any other string is
 * written the usual way.
 */
final class EncodedTexts {

    private final Map<String, SerializedString> encoded = new IdentityHashMap<>();
    private final ObjectWriter writer = Json.MAPPER.writer().withAttribute(EncodedTexts.class, this);

    EncodedTexts(Ruleset ruleset) {
        Catalogue catalogue = ruleset.catalogue();
        add(ruleset.version());
        for (Program program : catalogue.programs()) {
            add(program.id());
            add(program.name(), program.summary(), program.howToApply());
            program.benefits().forEach(b -> {
                add(b.currency());
                add(b.description());
            });
            if (program.source() != null) {
                add(program.source().document());
                add(program.source().quote());
            }
        }
        for (Criterion criterion : catalogue.criteria().values()) {
            add(criterion.id());
            add(criterion.text());
            criterion.fields().forEach(this::add);
        }
        catalogue.assumptions().values().forEach(a -> {
            add(a.id());
            add(a.text());
        });
        for (Question question : catalogue.questions()) {
            add(question.field());
            add(question.label(), question.hint());
            question.values().forEach(this::add);
            question.valueLabels().values().forEach(this::add);
        }
    }

    /** Json.MAPPER's writer, with these texts at hand. */
    ObjectWriter writer() {
        return writer;
    }

    boolean knows(String text) {
        return encoded.containsKey(text);
    }

    private void add(Text... texts) {
        for (Text text : texts) {
            if (text != null) text.byLang().values().forEach(this::add);
        }
    }

    private void add(String text) {
        if (text != null) encoded.putIfAbsent(text, new SerializedString(text));
    }

    /** Writes strings through the texts given as the writer's attribute {@code EncodedTexts.class}, if any. */
    static final class Serializer extends StdSerializer<String> {

        Serializer() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            Object texts = provider.getAttribute(EncodedTexts.class);
            SerializedString known = texts == null ? null : ((EncodedTexts) texts).encoded.get(value);
            if (known != null) gen.writeString(known);
            else gen.writeString(value);
        }
    }
}
