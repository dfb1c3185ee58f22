package org.policyadvisor.advice;

import java.time.LocalDate;
import java.util.Map;
import org.policyadvisor.catalogue.Lang;

/**
 * A bound, valid request. {@code answers} holds only the known answers (and declared defaults);
 * {@code asOf} and {@code lang} are null when the request did not say.
 */
public record AdviceRequest(Map<String, Object> answers, LocalDate asOf, Lang lang) {}
