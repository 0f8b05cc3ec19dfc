package io.github.springmidtrans.reliability;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application under test: only the starter, with a clock the tests can move and a
 * recorder of every payment event.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ReliabilityApplication {

	@Bean
	ShiftedClock clock() {
		return new ShiftedClock();
	}

	@Bean
	EventLog eventLog() {
		return new EventLog();
	}

	@Bean
	JobLog jobLog() {
		return new JobLog();
	}

}
