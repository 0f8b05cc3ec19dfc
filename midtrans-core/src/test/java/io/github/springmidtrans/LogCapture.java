package io.github.springmidtrans;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Captures the log events of a logger (and its children) until closed, optionally at a
 * chosen level; every level and setting it changed is restored on close.
 */
public final class LogCapture implements AutoCloseable {

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final Logger logger;

	private final boolean additive;

	private final List<Logger> raised = new ArrayList<>();

	private final List<@Nullable Level> previous = new ArrayList<>();

	private LogCapture(String name, @Nullable Level level, boolean quiet, String... alsoAtLevel) {
		this.logger = (Logger) LoggerFactory.getLogger(name);
		this.additive = this.logger.isAdditive();
		if (level != null) {
			setLevel(this.logger, level);
			for (String other : alsoAtLevel) {
				setLevel((Logger) LoggerFactory.getLogger(other), level);
			}
		}
		if (quiet) {
			this.logger.setAdditive(false);
		}
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	/**
	 * Capture what a logger logs at its configured level.
	 * @param name the logger's name
	 * @return the capture, to close
	 */
	public static LogCapture of(String name) {
		return new LogCapture(name, null, false);
	}

	/**
	 * Capture what a type's logger logs at its configured level.
	 * @param type the type
	 * @return the capture, to close
	 */
	public static LogCapture of(Class<?> type) {
		return of(type.getName());
	}

	/**
	 * Capture what a logger logs at a level, and set other loggers (such as children
	 * configured with a level of their own) to that level too.
	 * @param level the level while capturing
	 * @param name the logger's name ({@link org.slf4j.Logger#ROOT_LOGGER_NAME} for all)
	 * @param alsoAtLevel further loggers to set to the level
	 * @return the capture, to close
	 */
	public static LogCapture at(Level level, String name, String... alsoAtLevel) {
		return new LogCapture(name, level, false, alsoAtLevel);
	}

	/**
	 * Capture what a logger logs at a level, without passing it to its parents' appenders
	 * (keeps a chatty level out of the build's output).
	 * @param level the level while capturing
	 * @param name the logger's name
	 * @return the capture, to close
	 */
	public static LogCapture quietlyAt(Level level, String name) {
		return new LogCapture(name, level, true);
	}

	private void setLevel(Logger target, Level level) {
		this.raised.add(target);
		this.previous.add(target.getLevel());
		target.setLevel(level);
	}

	/**
	 * The events captured so far.
	 * @return a copy of them, in order
	 */
	public List<ILoggingEvent> events() {
		return List.copyOf(this.appender.list);
	}

	@Override
	public void close() {
		this.logger.detachAppender(this.appender);
		this.logger.setAdditive(this.additive);
		for (int i = this.raised.size() - 1; i >= 0; i--) {
			this.raised.get(i).setLevel(this.previous.get(i));
		}
	}

}
