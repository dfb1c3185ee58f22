package org.policyadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.policyadvisor.RealRules;
import org.policyadvisor.advice.Advice;
import org.policyadvisor.advice.AdviceRequest;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.ruleset.Ruleset;

/** Texts encoded once per ruleset must give exactly the bytes that encoding them per request gives. */
class EncodedTextsTest {

    private final Ruleset ruleset = RealRules.ruleset();
    private final Advisor advisor = new Advisor(EvaluationLimits.DEFAULT);

    @Test
    void an_answer_written_with_the_encoded_texts_is_byte_for_byte_the_plain_one_in_every_language() throws Exception {
        List<Map<String, Object>> profiles = List.of(
                Map.of("applicantType", "PERSON"),
                Map.of("applicantType", "PERSON", "residency", "HK", "age", 30, "highestEducation", "MASTER",
                        "employmentStatus", "EMPLOYED", "workDistrict", "LUOHU", "livingSubsidyReceived", false),
                Map.of("applicantType", "ORGANIZATION", "orgType", "HK_GROUP", "hkGroup", "香港青年联会"));
        EncodedTexts texts = new EncodedTexts(ruleset);
        for (Map<String, Object> answers : profiles) {
            for (Lang lang : Lang.values()) {
                Advice advice = advisor.advise(ruleset, new AdviceRequest(answers, null, lang), LocalDate.of(2026, 11, 27), lang);
                byte[] plain = Json.MAPPER.writeValueAsBytes(advice);
                assertThat(texts.writer().writeValueAsBytes(advice)).as(lang + " " + answers).isEqualTo(plain);
                // and the answer's texts really are the catalogue's own instances, so the encoded bytes were used
                assertThat(advice.programs()).allSatisfy(p -> assertThat(texts.knows(p.name()) && texts.knows(p.howToApply())
                        && p.criteria().stream().allMatch(c -> texts.knows(c.text()))).isTrue());
            }
        }
    }
}
