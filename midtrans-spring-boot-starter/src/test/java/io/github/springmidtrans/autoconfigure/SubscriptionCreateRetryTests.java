package io.github.springmidtrans.autoconfigure;

import java.util.List;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.MidtransException;
import io.github.springmidtrans.client.model.CardRegisterRequest;
import io.github.springmidtrans.client.model.IntervalUnit;
import io.github.springmidtrans.client.model.SubscriptionRequest;
import io.github.springmidtrans.client.model.SubscriptionSchedule;
import io.github.springmidtrans.subscription.MidtransSubscription;
import io.github.springmidtrans.subscription.SubscriptionService;
import io.github.springmidtrans.subscription.SubscriptionStatus;
import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.RecordedCall;
import io.github.springmidtrans.test.SimulatorOperation;
import io.github.springmidtrans.test.spring.AutoConfigureMidtransSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link SubscriptionService#create(SubscriptionRequest)} without a key of the caller's,
 * against the simulator, which keeps subscription idempotency keys as Midtrans does.
 * Shares {@link SimulatorBackedApplicationTests}' application context.
 */
@SpringBootTest(classes = SimulatorBackedApplicationTests.ShopApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.datasource.generate-unique-name=true")
@AutoConfigureMidtransSimulator
class SubscriptionCreateRetryTests {

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	MidtransSimulator simulator;

	@Autowired
	MidtransClient client;

	@AfterEach
	void clearFaults() {
		this.simulator.faults().clear();
	}

	@Test
	void createRetriedAfterALostAnswerMakesOneSubscriptionAtMidtrans() {
		String savedToken = this.client.cards()
			.register(CardRegisterRequest.of("4811111111111114", "12", "2030"))
			.savedTokenId();
		SubscriptionRequest request = SubscriptionRequest
			.creditCard("LOST-ANSWER", 14_000, savedToken, SubscriptionSchedule.every(1, IntervalUnit.MONTH))
			.build();
		// Midtrans makes the subscription, then the connection drops before its answer.
		this.simulator.faults().on(SimulatorOperation.SUBSCRIPTION_CREATE).once().dropConnectionAfterProcessing();

		assertThatExceptionOfType(MidtransException.class).isThrownBy(() -> this.subscriptions.create(request))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
		MidtransSubscription created = this.subscriptions.create(request);

		assertThat(created.getStatus()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(this.simulator.subscriptions())
			.filteredOn((subscription) -> subscription.name().equals("LOST-ANSWER"))
			.singleElement()
			.satisfies((subscription) -> assertThat(subscription.id()).isEqualTo(created.getSubscriptionId()));
		List<RecordedCall> creates = this.simulator.requestsTo(SimulatorOperation.SUBSCRIPTION_CREATE)
			.stream()
			.filter((call) -> call.body().contains("LOST-ANSWER"))
			.toList();
		assertThat(creates).hasSize(2)
			.extracting((call) -> call.header("Idempotency-Key"))
			.containsOnly(created.getIdempotencyKey());
	}

}
