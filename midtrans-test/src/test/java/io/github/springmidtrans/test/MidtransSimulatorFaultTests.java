package io.github.springmidtrans.test;

import java.time.Duration;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.MidtransConnectionException;
import io.github.springmidtrans.client.MidtransInvalidResponseException;
import io.github.springmidtrans.client.MidtransRateLimitException;
import io.github.springmidtrans.client.MidtransServerException;
import io.github.springmidtrans.client.RequestOptions;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.client.model.TransactionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MidtransSimulatorFaultTests {

	private final SimulatorFixture fixture = new SimulatorFixture();

	private final MidtransSimulator simulator = this.fixture.simulator;

	private final MidtransClient client = this.fixture.client;

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void serverErrorIsThrownAndNothingIsCreated() {
		this.simulator.faults().on(SimulatorOperation.CHARGE).once().serverError(503);
		assertThatExceptionOfType(MidtransServerException.class).isThrownBy(this::charge)
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(503));
		assertThat(this.simulator.transaction("ORDER-F")).isEmpty();
		assertThat(charge().statusCode()).as("the fault fired once").isEqualTo("201");
	}

	@Test
	void serverErrorInBodyIsThrown() {
		this.simulator.faults().on(SimulatorOperation.CHARGE).once().serverErrorInBody();
		assertThatExceptionOfType(MidtransServerException.class).isThrownBy(this::charge).satisfies((ex) -> {
			assertThat(ex.getHttpStatus()).isEqualTo(200);
			assertThat(ex.getMidtransStatusCode()).isEqualTo("500");
		});
		assertThat(this.simulator.transaction("ORDER-F")).isEmpty();
	}

	@Test
	void rateLimitCarriesRetryAfter() {
		this.simulator.faults().on(SimulatorOperation.STATUS).times(2).rateLimited(Duration.ofSeconds(7));
		charge();
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(MidtransRateLimitException.class).isThrownBy(() -> this.client.status("ORDER-F"))
				.satisfies((ex) -> {
					assertThat(ex.getHttpStatus()).isEqualTo(429);
					assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(7));
					assertThat(ex.isRetryable()).isTrue();
				});
		}
		assertThat(this.client.status("ORDER-F").transactionStatus()).isEqualTo(TransactionStatus.PENDING);
	}

	@Test
	void droppedConnectionIsAConnectionFailure() {
		this.simulator.faults().on(SimulatorOperation.STATUS).always().dropConnection();
		charge();
		assertThatExceptionOfType(MidtransConnectionException.class).isThrownBy(() -> this.client.status("ORDER-F"));
	}

	@Test
	void timeoutAfterProcessingLeavesTheTransactionCreated() {
		MidtransClient impatient = this.client.newBuilder().readTimeout(Duration.ofMillis(300)).build();
		this.simulator.faults().on(SimulatorOperation.CHARGE).once().timeoutAfterProcessing(Duration.ofSeconds(2));
		assertThatExceptionOfType(MidtransConnectionException.class)
			.isThrownBy(() -> impatient.charge(ChargeRequest.gopay("ORDER-F", 10_000).build()));
		assertThat(this.simulator.transaction("ORDER-F"))
			.hasValueSatisfying((snapshot) -> assertThat(snapshot.transactionStatus()).isEqualTo("pending"));
		assertThat(this.simulator.chargeCount("ORDER-F")).isEqualTo(1);
		assertThat(impatient.status("ORDER-F").transactionStatus()).isEqualTo(TransactionStatus.PENDING);
	}

	@Test
	void slowBodyTimesOutAfterTheHeadersButTheCallWasProcessed() {
		MidtransClient impatient = this.client.newBuilder().readTimeout(Duration.ofMillis(300)).build();
		this.simulator.faults().on(SimulatorOperation.CHARGE).once().slowBody(Duration.ofSeconds(2));
		assertThatExceptionOfType(MidtransConnectionException.class)
			.isThrownBy(() -> impatient.charge(ChargeRequest.gopay("ORDER-F", 10_000).build()));
		assertThat(this.simulator.transaction("ORDER-F"))
			.hasValueSatisfying((snapshot) -> assertThat(snapshot.transactionStatus()).isEqualTo("pending"));
		assertThat(this.simulator.chargeCount("ORDER-F")).isEqualTo(1);
	}

	@Test
	void retryWithTheSameIdempotencyKeyAfterATimeoutGetsTheStoredAnswer() {
		MidtransClient impatient = this.client.newBuilder().readTimeout(Duration.ofMillis(300)).build();
		RequestOptions key = RequestOptions.none().withIdempotencyKey("order-f-charge");
		this.simulator.faults().on(SimulatorOperation.CHARGE).once().timeoutAfterProcessing(Duration.ofSeconds(2));
		assertThatExceptionOfType(MidtransConnectionException.class)
			.isThrownBy(() -> impatient.charge(ChargeRequest.gopay("ORDER-F", 10_000).build(), key));
		TransactionResponse retried = impatient.charge(ChargeRequest.gopay("ORDER-F", 10_000).build(), key);
		assertThat(retried.transactionId())
			.isEqualTo(this.simulator.transaction("ORDER-F").orElseThrow().transactionId());
	}

	@Test
	void droppedConnectionAfterProcessingLeavesTheTransactionCreated() {
		this.simulator.faults().on(SimulatorOperation.CHARGE).once().dropConnectionAfterProcessing();
		assertThatExceptionOfType(MidtransConnectionException.class).isThrownBy(this::charge);
		assertThat(this.simulator.transaction("ORDER-F")).isPresent();
		assertThat(this.simulator.chargeCount("ORDER-F")).isEqualTo(1);
	}

	@Test
	void droppedConnectionAfterProcessingOnAReusedConnectionIsNotResent() {
		this.client.charge(ChargeRequest.gopay("ORDER-WARM", 10_000).build());
		this.simulator.faults().on(SimulatorOperation.CHARGE).once().dropConnectionAfterProcessing();
		assertThatExceptionOfType(MidtransConnectionException.class).isThrownBy(this::charge);
		assertThat(this.simulator.chargeCount("ORDER-F")).isEqualTo(1);
	}

	@Test
	void malformedBodyIsNotJsonButTheCallWasProcessed() {
		this.simulator.faults().on(SimulatorOperation.CHARGE).once().malformedBody();
		String body = "{\"payment_type\":\"gopay\",\"transaction_details\":{\"order_id\":\"ORDER-F\",\"gross_amount\":10000}}";
		SimulatorFixture.RawAnswer answer = this.fixture.sendText("POST", "/v2/charge", body);
		assertThat(answer.httpStatus()).isEqualTo(200);
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> SimulatorFixture.JSON.readTree(answer.text()));
		assertThat(this.simulator.transaction("ORDER-F")).as("the charge was processed before the answer broke")
			.isPresent();
	}

	@Test
	void malformedBodyIsAnInvalidResponse() {
		this.simulator.faults().on(SimulatorOperation.CHARGE).once().malformedBody();
		assertThatExceptionOfType(MidtransInvalidResponseException.class).isThrownBy(this::charge);
	}

	@Test
	void latencyDelaysButAnswers() {
		this.simulator.faults().onPath("/v2/.+/status").once().latency(Duration.ofMillis(200));
		charge();
		long start = System.nanoTime();
		assertThat(this.client.status("ORDER-F").statusCode()).isEqualTo("201");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
	}

	@Test
	void faultsCanBeCleared() {
		this.simulator.faults().onAnyCall().always().serverError();
		assertThat(this.simulator.faults().activeRules()).isEqualTo(1);
		this.simulator.faults().clear();
		assertThat(charge().statusCode()).isEqualTo("201");
	}

	private TransactionResponse charge() {
		return this.client.charge(ChargeRequest.gopay("ORDER-F", 10_000).build());
	}

}
