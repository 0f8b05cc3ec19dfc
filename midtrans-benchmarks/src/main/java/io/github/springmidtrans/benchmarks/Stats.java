package io.github.springmidtrans.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/** Small number helpers for the report. */
final class Stats {

	private Stats() {
	}

	static double median(double... values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	static double[] parse(String commaSeparated) {
		return Arrays.stream(commaSeparated.split(",")).mapToDouble(Double::parseDouble).toArray();
	}

	/** The value at a percentile (0-100) of sorted values, nearest rank. */
	static long percentile(long[] sorted, double percentile) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
		return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
	}

	static String f0(double value) {
		return String.format(Locale.ROOT, "%,.0f", value);
	}

	static String f1(double value) {
		return String.format(Locale.ROOT, "%,.1f", value);
	}

	static String f2(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

}
