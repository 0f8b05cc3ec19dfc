package io.github.springmidtrans.client.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Converts Midtrans timestamps. Core API times carry no zone and are Asia/Jakarta wall
 * times; Invoicing adds a {@code +0700} offset; Subscriptions send ISO-8601 with
 * microseconds and no zone, or with {@code Z}. This is the only place where a zone is
 * assumed.
 */
public final class MidtransTime {

	/** Midtrans' zone for times that carry none. */
	public static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

	// Accepts "2024-01-31 13:45:00", "2024-01-31T13:45:00.123456", "... +0700", "...
	// +07:00", "...Z"
	// and times without seconds ("2024-01-31 13:45 +0700", seen in Payment Link samples).
	private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder().parseCaseInsensitive()
		.append(DateTimeFormatter.ISO_LOCAL_DATE)
		.optionalStart()
		.appendLiteral(' ')
		.optionalEnd()
		.optionalStart()
		.appendLiteral('T')
		.optionalEnd()
		.appendValue(ChronoField.HOUR_OF_DAY, 2)
		.appendLiteral(':')
		.appendValue(ChronoField.MINUTE_OF_HOUR, 2)
		.optionalStart()
		.appendLiteral(':')
		.appendValue(ChronoField.SECOND_OF_MINUTE, 2)
		.optionalStart()
		.appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
		.optionalEnd()
		.optionalEnd()
		.optionalStart()
		.appendLiteral(' ')
		.optionalEnd()
		.optionalStart()
		.appendOffset("+HH:MM", "Z")
		.optionalEnd()
		.optionalStart()
		.appendOffset("+HHMM", "Z")
		.optionalEnd()
		.toFormatter();

	private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");

	/**
	 * The offset of every local time after {@link #SETTLED_AFTER}: the zone's rules (as
	 * the running JDK's time-zone data has them) change it no more after their last
	 * transition. {@code null} when the rules keep changing, as with daylight saving.
	 */
	private static final @Nullable ZoneOffset SETTLED_OFFSET;

	private static final LocalDateTime SETTLED_AFTER;

	static {
		ZoneRules rules = JAKARTA.getRules();
		List<ZoneOffsetTransition> transitions = rules.getTransitions();
		if (!rules.getTransitionRules().isEmpty()) {
			SETTLED_OFFSET = null;
			SETTLED_AFTER = LocalDateTime.MAX;
		}
		else if (transitions.isEmpty()) {
			SETTLED_OFFSET = rules.getOffset(Instant.EPOCH);
			SETTLED_AFTER = LocalDateTime.MIN;
		}
		else {
			ZoneOffsetTransition last = transitions.get(transitions.size() - 1);
			SETTLED_OFFSET = last.getOffsetAfter();
			SETTLED_AFTER = last.getDateTimeBefore().isAfter(last.getDateTimeAfter()) ? last.getDateTimeBefore()
					: last.getDateTimeAfter();
		}
	}

	private MidtransTime() {
	}

	/**
	 * Parse any timestamp shape Midtrans sends.
	 * @param text the wire text
	 * @return the time with its offset ({@code +07:00} when the text had none), or
	 * {@code null} for blank text
	 * @throws DateTimeParseException when the text is no timestamp at all
	 */
	public static @Nullable OffsetDateTime parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String trimmed = text.trim();
		OffsetDateTime plain = parsePlain(trimmed);
		if (plain != null) {
			return plain;
		}
		if (trimmed.length() == 10) {
			return LocalDate.parse(trimmed).atStartOfDay(JAKARTA).toOffsetDateTime();
		}
		TemporalAccessor parsed = LENIENT.parse(trimmed);
		LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed),
				LocalTime.of(parsed.get(ChronoField.HOUR_OF_DAY), parsed.get(ChronoField.MINUTE_OF_HOUR),
						parsed.isSupported(ChronoField.SECOND_OF_MINUTE) ? parsed.get(ChronoField.SECOND_OF_MINUTE) : 0,
						parsed.isSupported(ChronoField.NANO_OF_SECOND) ? parsed.get(ChronoField.NANO_OF_SECOND) : 0));
		if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
			return OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)));
		}
		return inJakarta(local);
	}

	/**
	 * The Core API's own shape, {@code yyyy-MM-dd HH:mm:ss} (or with a {@code T}), read
	 * without a formatter: it is on every transaction answer, and the formatter's
	 * optional sections copy its parse state many times over. Anything else, including
	 * out-of-range values the lenient formatter resolves its own way, is left to it.
	 */
	private static @Nullable OffsetDateTime parsePlain(String text) {
		if (text.length() != 19 || text.charAt(4) != '-' || text.charAt(7) != '-'
				|| (text.charAt(10) != ' ' && text.charAt(10) != 'T') || text.charAt(13) != ':'
				|| text.charAt(16) != ':') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = digits(text, 17, 2);
		if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
				|| second < 0 || second > 59 || day > Month.of(month).length(Year.isLeap(year))) {
			return null;
		}
		return inJakarta(LocalDateTime.of(year, month, day, hour, minute, second));
	}

	private static int digits(String text, int start, int count) {
		int value = 0;
		for (int i = start; i < start + count; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static OffsetDateTime inJakarta(LocalDateTime local) {
		if (SETTLED_OFFSET != null && local.isAfter(SETTLED_AFTER)) {
			// Every answer's times: no look-up of the zone's transitions.
			return OffsetDateTime.of(local, SETTLED_OFFSET);
		}
		ZoneRules rules = JAKARTA.getRules();
		if (rules.getTransition(local) == null) {
			// The one valid offset: no need for a ZonedDateTime in between.
			return OffsetDateTime.of(local, rules.getOffset(local));
		}
		return local.atZone(JAKARTA).toOffsetDateTime();
	}

	/**
	 * Format a time the way Midtrans requests expect it: {@code yyyy-MM-dd HH:mm:ss Z},
	 * keeping the value's own offset.
	 * @param time the time
	 * @return for example {@code "2024-01-31 13:45:00 +0700"}
	 */
	public static String format(OffsetDateTime time) {
		return WIRE.format(time);
	}

}
