package org.policyadvisor.ruleset;

/** A piece of rule text the language does not accept, at an offset into the text being read, with why in staff words. */
final class Refused extends RuntimeException {
    final int offset;

    Refused(int offset, String message) {
        super(message, null, false, false);
        this.offset = offset;
    }
}
