package io.github.springmidtrans.sample;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * How pages write money and times: rupiah with thousands dots, times in Jakarta time.
 * Templates call it as {@code @fmt}.
 */
@Component("fmt")
public class ViewFormats {

	private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'WIB'")
		.withZone(JAKARTA);

	/**
	 * An amount in rupiah, such as {@code Rp 150.000}.
	 * @param amount a number, or {@code null}
	 * @return the text, empty for {@code null}
	 */
	public String rupiah(@Nullable Object amount) {
		if (amount == null) {
			return "";
		}
		BigDecimal value = (amount instanceof BigDecimal decimal) ? decimal : new BigDecimal(amount.toString());
		DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.GERMANY));
		return "Rp " + format.format(value);
	}

	/**
	 * A time in Jakarta time.
	 * @param instant the time, or {@code null}
	 * @return the text, empty for {@code null}
	 */
	public String time(@Nullable Instant instant) {
		return (instant != null) ? TIME.format(instant) : "";
	}

}
