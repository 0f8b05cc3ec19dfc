package io.github.springmidtrans.client.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every timestamp shape Midtrans sends.
 */
class MidtransTimeTests {

	private static final ZoneOffset WIB = ZoneOffset.ofHours(7);

	@Test
	void zonelessCoreTimesAreJakartaTimes() {
		assertThat(MidtransTime.parse("2024-01-31 13:45:00"))
			.isEqualTo(OffsetDateTime.of(2024, 1, 31, 13, 45, 0, 0, WIB));
	}

	@Test
	void coreTimesTakeJakartasOffsetOfTheirDate() {
		// Jakarta kept +07:30 until 1964 and +09:00 during the occupation.
		assertThat(MidtransTime.parse("1950-06-01 12:00:00"))
			.isEqualTo(OffsetDateTime.of(1950, 6, 1, 12, 0, 0, 0, ZoneOffset.ofHoursMinutes(7, 30)));
		assertThat(MidtransTime.parse("1944-06-01 12:00:00"))
			.isEqualTo(OffsetDateTime.of(1944, 6, 1, 12, 0, 0, 0, ZoneOffset.ofHours(9)));
		assertThat(MidtransTime.parse("2024-01-31T13:45:00"))
			.isEqualTo(OffsetDateTime.of(2024, 1, 31, 13, 45, 0, 0, WIB));
		assertThat(MidtransTime.parse(" 2024-02-29 23:59:59 "))
			.isEqualTo(OffsetDateTime.of(2024, 2, 29, 23, 59, 59, 0, WIB));
	}

	@Test
	void everyCoreTimeTakesTheOffsetTheZoneRulesGiveIt() {
		// Across Jakarta's offset changes (the last in 1964) and long after them.
		java.time.LocalDateTime local = java.time.LocalDateTime.of(1900, 1, 1, 0, 0, 0);
		while (local.getYear() < 2100) {
			String text = local.toString().replace('T', ' ');
			assertThat(MidtransTime.parse((text.length() == 16) ? text + ":00" : text)).as(text)
				.isEqualTo(local.atZone(MidtransTime.JAKARTA).toOffsetDateTime());
			local = local.plusHours((local.getYear() >= 1963 && local.getYear() <= 1964) ? 7 : 24 * 61 + 7);
		}
		// Minute by minute and second by second around the last change (+07:30 to
		// +07:00).
		for (java.time.LocalDateTime t = java.time.LocalDateTime.of(1963, 12, 31, 23, 0); t
			.isBefore(java.time.LocalDateTime.of(1964, 1, 1, 1, 0)); t = t.plusSeconds(29)) {
			assertThat(MidtransTime.parse(t.toString().replace('T', ' ').substring(0, 16) + ":"
					+ String.format(java.util.Locale.ROOT, "%02d", t.getSecond())))
				.as(t.toString())
				.isEqualTo(t.atZone(MidtransTime.JAKARTA).toOffsetDateTime());
		}
	}

	@Test
	void outOfRangeCoreTimesAreResolvedAsBefore() {
		assertThat(MidtransTime.parse("2024-02-30 10:00:00"))
			.isEqualTo(OffsetDateTime.of(2024, 2, 29, 10, 0, 0, 0, WIB));
		assertThat(MidtransTime.parse("2023-02-29 10:00:00"))
			.isEqualTo(OffsetDateTime.of(2023, 2, 28, 10, 0, 0, 0, WIB));
		assertThat(MidtransTime.parse("2024-01-31 24:00:00")).isEqualTo(OffsetDateTime.of(2024, 2, 1, 0, 0, 0, 0, WIB));
		assertThatExceptionOfType(java.time.format.DateTimeParseException.class)
			.isThrownBy(() -> MidtransTime.parse("2024-13-01 10:00:00"));
		assertThatExceptionOfType(java.time.format.DateTimeParseException.class)
			.isThrownBy(() -> MidtransTime.parse("2024-01-01 10:0x:00"));
	}

	@Test
	void invoicingOffsetsAreKept() {
		assertThat(MidtransTime.parse("2025-08-06 20:03:04 +0700"))
			.isEqualTo(OffsetDateTime.of(2025, 8, 6, 20, 3, 4, 0, WIB));
		assertThat(MidtransTime.parse("2025-08-06 20:03:04 +07:00"))
			.isEqualTo(OffsetDateTime.of(2025, 8, 6, 20, 3, 4, 0, WIB));
	}

	@Test
	void subscriptionIsoTimesWithAndWithoutZoneAreRead() {
		assertThat(MidtransTime.parse("2019-05-29T09:11:01.810452"))
			.isEqualTo(OffsetDateTime.of(2019, 5, 29, 9, 11, 1, 810_452_000, WIB));
		assertThat(MidtransTime.parse("2022-10-26T09:59:00.000000Z"))
			.isEqualTo(OffsetDateTime.of(2022, 10, 26, 9, 59, 0, 0, ZoneOffset.UTC));
	}

	@Test
	void timesWithoutSecondsAndDatesAreRead() {
		assertThat(MidtransTime.parse("2024-01-31 13:45 +0700"))
			.isEqualTo(OffsetDateTime.of(2024, 1, 31, 13, 45, 0, 0, WIB));
		assertThat(MidtransTime.parse("2024-01-31")).isEqualTo(OffsetDateTime.of(2024, 1, 31, 0, 0, 0, 0, WIB));
	}

	@Test
	void blankIsNullAndGarbageFails() {
		assertThat(MidtransTime.parse("")).isNull();
		assertThat(MidtransTime.parse(null)).isNull();
		assertThatExceptionOfType(java.time.format.DateTimeParseException.class)
			.isThrownBy(() -> MidtransTime.parse("yesterday"));
	}

	@Test
	void requestsUseMidtransFormatWithTheValuesOffset() {
		assertThat(MidtransTime.format(OffsetDateTime.of(2024, 1, 31, 13, 45, 7, 0, WIB)))
			.isEqualTo("2024-01-31 13:45:07 +0700");
		assertThat(MidtransTime.format(OffsetDateTime.of(2024, 1, 31, 6, 45, 7, 0, ZoneOffset.UTC)))
			.isEqualTo("2024-01-31 06:45:07 +0000");
	}

}
