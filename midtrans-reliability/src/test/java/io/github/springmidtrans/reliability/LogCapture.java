package io.github.springmidtrans.reliability;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event of the JVM, at a chosen level, until closed.
 */
final class LogCapture implements AutoCloseable {

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private final @Nullable Level previous;

	/**
	 * Capture at a level.
	 * @param level the root level while capturing, or {@code null} to leave the levels as
	 * configured
	 */
	LogCapture(@Nullable Level level) {
		this.previous = this.root.getLevel();
		if (level != null) {
			this.root.setLevel(level);
		}
		this.appender.start();
		this.root.addAppender(this.appender);
	}

	/**
	 * Every captured event, rendered as a person would read it: message, arguments,
	 * thread, logger, MDC and stack traces.
	 * @return the rendered events
	 */
	List<String> rendered() {
		return List.copyOf(this.appender.list).stream().map(LogCapture::render).toList();
	}

	List<ILoggingEvent> events() {
		return List.copyOf(this.appender.list);
	}

	private static String render(ILoggingEvent event) {
		StringBuilder text = new StringBuilder().append(event.getLevel())
			.append(' ')
			.append(event.getLoggerName())
			.append(' ')
			.append(event.getThreadName())
			.append(' ')
			.append(event.getFormattedMessage())
			.append(' ')
			.append(event.getMDCPropertyMap());
		if (event.getThrowableProxy() != null) {
			text.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
		}
		return text.toString();
	}

	@Override
	public void close() {
		this.root.detachAppender(this.appender);
		if (this.previous != null) {
			this.root.setLevel(this.previous);
		}
	}

}
