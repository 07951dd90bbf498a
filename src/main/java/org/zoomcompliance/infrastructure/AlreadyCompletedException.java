package org.zoomcompliance.infrastructure;

/**
 * A launch refused because the run of its subject completed already (a job identified by its business key runs
 * once): not a failure to whoever asked, who is told which execution did it.
 */
public class AlreadyCompletedException extends JobRefusedException {

    private final Long executionId;

    public AlreadyCompletedException(Sentence sentence, long executionId) {
        super(sentence);
        this.executionId = executionId;
    }

    AlreadyCompletedException(Sentence sentence, Throwable cause) {
        super(sentence, cause);
        this.executionId = null;
    }

    /** The execution that completed the subject, when known. */
    public Long executionId() {
        return executionId;
    }
}
