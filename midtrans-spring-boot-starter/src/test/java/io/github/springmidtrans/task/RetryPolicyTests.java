package io.github.springmidtrans.task;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import io.github.springmidtrans.client.MidtransConnectionException;
import io.github.springmidtrans.client.MidtransOperation;
import io.github.springmidtrans.client.MidtransValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retry policy built from {@code midtrans.tasks.<task>.*}.
 */
class RetryPolicyTests {

	@Test
	void backOffGrowsByTheMultiplierUpToTheCapForTheConfiguredRetries() {
		TaskProperties.Retry retry = new TaskProperties.Retry();
		retry.setDelay(Duration.ofMillis(100));
		retry.setMultiplier(3);
		retry.setMaxDelay(Duration.ofMillis(500));
		retry.setMaxRetries(4);

		BackOffExecution backOff = DefaultPaymentTaskService.policy(retry).getBackOff().start();

		assertThat(backOff.nextBackOff()).isEqualTo(100);
		assertThat(backOff.nextBackOff()).isEqualTo(300);
		assertThat(backOff.nextBackOff()).isEqualTo(500);
		assertThat(backOff.nextBackOff()).isEqualTo(500);
		assertThat(backOff.nextBackOff()).isEqualTo(BackOffExecution.STOP);
	}

	@Test
	void jitterVariesTheWaitWithinItsBounds() {
		TaskProperties.Retry retry = new TaskProperties.Retry();
		retry.setDelay(Duration.ofMillis(1000));
		retry.setJitter(Duration.ofMillis(200));

		for (int i = 0; i < 20; i++) {
			long first = DefaultPaymentTaskService.policy(retry).getBackOff().start().nextBackOff();
			assertThat(first).isBetween(800L, 1200L);
		}
	}

	@Test
	void onlyFailuresSafeToRepeatAreRetried() {
		RetryPolicy policy = DefaultPaymentTaskService.policy(new TaskProperties.Retry());

		assertThat(policy.shouldRetry(new MidtransConnectionException("timed out", MidtransOperation.CHARGE, "o-1",
				new IOException("timeout"))))
			.isTrue();
		assertThat(policy.shouldRetry(new MidtransValidationException("invalid", MidtransOperation.CHARGE, "o-1", 400,
				"400", "invalid", List.of())))
			.isFalse();
		assertThat(policy.shouldRetry(new IllegalStateException("not paid"))).isFalse();
	}

}
