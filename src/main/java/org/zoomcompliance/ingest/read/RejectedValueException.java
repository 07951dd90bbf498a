package org.zoomcompliance.ingest.read;

import org.zoomcompliance.infrastructure.Sentence;

/**
 * A value or a row that cannot be read, with its reason as a key and arguments; the message is the English text,
 * for what logs it.
 */
public final class RejectedValueException extends IllegalArgumentException {

    private final transient Sentence reason;

    public RejectedValueException(Sentence reason) {
        super(reason.english());
        this.reason = reason;
    }

    public RejectedValueException(String key, Object... arguments) {
        this(Sentence.of(key, arguments));
    }

    public Sentence reason() {
        return reason;
    }

    /** The reason of a failure to read a value: its key when it has one, else its message as written. */
    public static Sentence reasonOf(IllegalArgumentException failure) {
        return failure instanceof RejectedValueException rejected ? rejected.reason()
                : Sentence.text(failure.getMessage());
    }
}
