package org.zoomcompliance.infrastructure;

/**
 * A launch refused before it started: not available, already running, already complete. Its message is English,
 * as logs and stderr are; a refusal built from a {@link Sentence} can also be said in a reader's language.
 */
public class JobRefusedException extends RuntimeException {

    private final transient Sentence sentence;

    public JobRefusedException(String message) {
        super(message);
        this.sentence = null;
    }

    public JobRefusedException(String message, Throwable cause) {
        super(message, cause);
        this.sentence = null;
    }

    public JobRefusedException(Sentence sentence) {
        this(sentence, null);
    }

    public JobRefusedException(Sentence sentence, Throwable cause) {
        super(sentence.english(), cause);
        this.sentence = sentence;
    }

    /** The refusal in a reader's language; a refusal recorded as text is said as it was. */
    public String in(EvidenceText language) {
        return sentence == null ? getMessage() : sentence.in(language);
    }
}
