package org.zoomcompliance.ingest.normalise;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Logback converters that pass every log line through the {@link Sanitiser}: whatever a library puts in a message
 * or an exception (a path holding an address, a value quoted by a parser), no address or e-mail reaches the console
 * or {@code HOME/logs}. {@code logback-spring.xml} puts them in place of Spring Boot's own {@code %m} and
 * {@code %wEx}; everything else in Boot's log format stays as documented.
 */
public final class RedactedLog {

    private RedactedLog() {
    }

    /** The message: addresses and e-mails masked, control characters escaped (no forged line). */
    public static final class Message extends MessageConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return Sanitiser.redact(super.convert(event));
        }
    }

    /** The stack trace: addresses and e-mails masked in every message of the chain, its lines kept. */
    public static final class Throwable extends ExtendedWhitespaceThrowableProxyConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return Sanitiser.redactKeepingLines(super.convert(event));
        }
    }
}
