package org.zoomcompliance.ingest.normalise;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Spring Batch stores a failed step's or job's stack trace as its exit message ({@code exit_message} in
 * {@code batch_step_execution} and {@code batch_job_execution}), shown later by {@code jobs list} and the console.
 * An exception may quote a path or a value holding an address; this puts the {@link Sanitiser} in front of the
 * job repository, so the trace is redacted before it is stored, whichever job failed.
 */
@Component
class RedactedExitMessages implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof JobRepository repository) || bean instanceof Redacting) {
            return bean;
        }
        return Proxy.newProxyInstance(JobRepository.class.getClassLoader(),
                new Class<?>[] {JobRepository.class, Redacting.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("update") && arguments != null && arguments.length == 1) {
                        if (arguments[0] instanceof StepExecution step) {
                            step.setExitStatus(redacted(step.getExitStatus()));
                        } else if (arguments[0] instanceof JobExecution job) {
                            job.setExitStatus(redacted(job.getExitStatus()));
                        }
                    }
                    try {
                        return method.invoke(repository, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Marks the repository already wrapped. */
    interface Redacting {
    }

    static ExitStatus redacted(ExitStatus status) {
        if (status == null || status.getExitDescription().isEmpty()) {
            return status;
        }
        String description = Sanitiser.redactKeepingLines(status.getExitDescription());
        return description.equals(status.getExitDescription()) ? status
                : new ExitStatus(status.getExitCode(), description);
    }
}
