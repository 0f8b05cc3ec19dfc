package io.github.springmidtrans.reliability;

/**
 * The one switch for the long suites: the environment variable
 * {@code MIDTRANS_LONG_TESTS=true} (set by {@code .ci/run}) turns on the crash-recovery
 * runs and raises the case counts of the generated suites.
 */
final class LongTests {

	static final String VARIABLE = "MIDTRANS_LONG_TESTS";

	private LongTests() {
	}

	static boolean enabled() {
		return "true".equalsIgnoreCase(System.getenv(VARIABLE));
	}

	/**
	 * A case count: the short one by default, the long one when the switch is on.
	 */
	static int count(int normal, int long_) {
		return enabled() ? long_ : normal;
	}

}
