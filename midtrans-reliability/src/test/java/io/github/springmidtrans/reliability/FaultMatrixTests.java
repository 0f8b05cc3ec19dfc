package io.github.springmidtrans.reliability;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.MidtransRefund;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.payment.RefundState;
import io.github.springmidtrans.task.PaymentTaskService;
import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.RecordedCall;
import io.github.springmidtrans.test.SimulatorFaults;
import io.github.springmidtrans.test.SimulatorOperation;
import io.github.springmidtrans.test.TransactionSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every money-moving call (charge, refund, status check, expire) under every failure the
 * network or Midtrans can produce. In each cell the library recovers the way it is meant
 * to (the on-demand task's retries, or the next run of the periodic job), and then: the
 * local payment equals the simulator's transaction, Midtrans saw one charge or refund
 * (every repeat carried the same order id and key), the fault really fired, and the
 * application heard exactly one event for the one real transition.
 */
class FaultMatrixTests {

	private static final Duration READ_TIMEOUT = Duration.ofMillis(300);

	private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

	private static MidtransSimulator simulator;

	private static ConfigurableApplicationContext context;

	@BeforeAll
	static void start() {
		simulator = MidtransSimulator.builder().build().start();
		context = new SpringApplicationBuilder(ReliabilityApplication.class).web(WebApplicationType.NONE)
			.properties("midtrans.server-key=" + simulator.serverKey(), "midtrans.base-url=" + simulator.baseUrl(),
					"spring.datasource.generate-unique-name=true", "midtrans.http.read-timeout=" + READ_TIMEOUT,
					"midtrans.tasks.check-payment-status.delay=20ms", "midtrans.tasks.process-charge.delay=20ms",
					"midtrans.tasks.process-refund.delay=20ms", "midtrans.tasks.check-pending-payments.cron=-",
					"midtrans.tasks.expire-stale-payments.cron=-", "midtrans.tasks.check-overdue-invoices.cron=-",
					"midtrans.tasks.sync-subscription-status.cron=-")
			.run();
	}

	@AfterAll
	static void stop() {
		context.close();
		simulator.close();
	}

	static Stream<Arguments> cells() {
		return Arrays.stream(Operation.values())
			.flatMap((operation) -> Arrays.stream(Fault.values()).map((fault) -> Arguments.of(operation, fault)));
	}

	@ParameterizedTest(name = "{0} under {1}")
	@MethodSource("cells")
	void recoversToMidtransStateWithOneEffectAndOneEvent(Operation operation, Fault fault) throws Exception {
		PaymentService payments = context.getBean(PaymentService.class);
		PaymentTaskService tasks = context.getBean(PaymentTaskService.class);
		EventLog events = context.getBean(EventLog.class);
		String orderId = ("FM-" + operation + "-" + fault).replace('_', '-');
		simulator.faults().clear();

		// Arrange without faults.
		switch (operation) {
			case CHARGE -> {
			}
			case REFUND -> {
				payments.charge(ChargeRequest.gopay(orderId, 50_000).build());
				simulator.pay(orderId);
				assertThat(payments.refreshStatus(orderId).getStatus()).isEqualTo(PaymentStatus.SETTLEMENT);
			}
			case STATUS, EXPIRE -> {
				payments.charge(ChargeRequest.bankTransfer(orderId, 50_000, Bank.BCA).build());
				if (operation == Operation.STATUS) {
					simulator.pay(orderId); // nobody told the application: no
											// notification URL
				}
			}
		}
		int eventsBefore = events.of(orderId).size();

		SimulatorFaults.Target target = (operation == Operation.CHARGE)
				? simulator.faults().on(SimulatorOperation.CHARGE)
				: simulator.faults().onPath("/v2/" + orderId + "/" + operation.pathSuffix);
		fault.install(target);
		long started = System.nanoTime();

		// Act, and let the library recover as it is meant to.
		switch (operation) {
			case CHARGE ->
				tasks.processChargeAsync(ChargeRequest.gopay(orderId, 50_000).build()).get(30, TimeUnit.SECONDS);
			case REFUND -> tasks.processRefundAsync(orderId, 20_000, "fault matrix", false).get(30, TimeUnit.SECONDS);
			case STATUS -> tasks.checkPaymentStatusAsync(orderId).get(30, TimeUnit.SECONDS);
			case EXPIRE -> {
				context.getBean(ShiftedClock.class).advance(Duration.ofDays(2));
				// The periodic job: a failing item is tried again on the next run.
				for (int run = 0; run < 4
						&& !payments.findByOrderId(orderId).orElseThrow().getStatus().isFinal(); run++) {
					tasks.expireStalePayments();
				}
			}
		}
		long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

		MidtransPayment payment = payments.findByOrderId(orderId).orElseThrow();
		TransactionSnapshot truth = simulator.transaction(orderId).orElseThrow();
		assertThat(simulator.faults().activeRules()).as("the fault fired").isZero();
		assertThat(wire(payment.getStatus())).isEqualTo(truth.transactionStatus()).isEqualTo(operation.expectedStatus);
		assertThat(payment.getTransactionId()).isEqualTo(truth.transactionId());
		assertThat(payment.getRefundedAmount()).isEqualByComparingTo(Long.toString(truth.refundAmount()));
		List<RecordedCall> calls = simulator.requests()
			.stream()
			.filter((call) -> orderId.equals(call.orderId()) && call.operation() == operation.simulatorOperation)
			.toList();
		switch (operation) {
			case CHARGE -> assertThat(calls).isNotEmpty()
				.allSatisfy(
						(call) -> assertThat(call.header("Idempotency-Key")).isEqualTo(payment.getIdempotencyKey()));
			case REFUND -> {
				List<MidtransRefund> refunds = payments.findRefunds(orderId);
				assertThat(refunds).singleElement()
					.satisfies((refund) -> assertThat(refund.getState()).isEqualTo(RefundState.SUCCEEDED));
				String refundKey = refunds.get(0).getRefundKey();
				assertThat(truth.refunds()).singleElement()
					.satisfies((refund) -> assertThat(refund.refundKey()).isEqualTo(refundKey));
				assertThat(calls).isNotEmpty().allSatisfy((call) -> assertThat(call.body()).contains(refundKey));
			}
			default -> assertThat(calls).isNotEmpty();
		}
		assertThat(events.names(orderId).subList(eventsBefore, events.of(orderId).size()))
			.containsExactly(operation.expectedEvent);
		assertThat(events.chainBreak(orderId, payment.getStatus())).isNull();
		if (fault == Fault.RATE_LIMITED && operation != Operation.EXPIRE) {
			assertThat(elapsedMillis).as("the retry waited for Retry-After")
				.isGreaterThanOrEqualTo(RETRY_AFTER.toMillis());
		}
		System.out.printf("fault matrix: %-7s x %-24s -> %-14s %d call(s) to Midtrans, %d ms%n", operation, fault,
				truth.transactionStatus(), calls.size(), elapsedMillis);
	}

	private static String wire(PaymentStatus status) {
		return status.name().toLowerCase(java.util.Locale.ROOT);
	}

	enum Operation {

		CHARGE(SimulatorOperation.CHARGE, "", "pending", "PaymentPendingEvent"),

		REFUND(SimulatorOperation.REFUND, "refund", "partial_refund", "PaymentRefundedEvent"),

		STATUS(SimulatorOperation.STATUS, "status", "settlement", "PaymentSettledEvent"),

		EXPIRE(SimulatorOperation.EXPIRE, "expire", "expire", "PaymentExpiredEvent");

		final SimulatorOperation simulatorOperation;

		final String pathSuffix;

		final String expectedStatus;

		final String expectedEvent;

		Operation(SimulatorOperation simulatorOperation, String pathSuffix, String expectedStatus,
				String expectedEvent) {
			this.simulatorOperation = simulatorOperation;
			this.pathSuffix = pathSuffix;
			this.expectedStatus = expectedStatus;
			this.expectedEvent = expectedEvent;
		}

	}

	enum Fault {

		/** Midtrans processed the call; the answer comes after the client gave up. */
		TIMEOUT_AFTER_ACCEPTED {
			@Override
			void install(SimulatorFaults.Target target) {
				target.once().timeoutAfterProcessing(READ_TIMEOUT.multipliedBy(4));
			}
		},

		/** The connection is reset before Midtrans saw the call. */
		RESET_BEFORE_PROCESSING {
			@Override
			void install(SimulatorFaults.Target target) {
				target.once().dropConnection();
			}
		},

		/** The connection is reset after Midtrans processed the call. */
		RESET_AFTER_PROCESSING {
			@Override
			void install(SimulatorFaults.Target target) {
				target.once().dropConnectionAfterProcessing();
			}
		},

		/** HTTP 503 twice, then the real answer. */
		SERVER_ERROR_TWICE {
			@Override
			void install(SimulatorFaults.Target target) {
				target.times(2).serverError(503);
			}
		},

		/** HTTP 429 with Retry-After. */
		RATE_LIMITED {
			@Override
			void install(SimulatorFaults.Target target) {
				target.once().rateLimited(RETRY_AFTER);
			}
		},

		/** HTTP 200 whose body says status_code 500. */
		SERVER_ERROR_IN_200_BODY {
			@Override
			void install(SimulatorFaults.Target target) {
				target.once().serverErrorInBody();
			}
		},

		/** Midtrans processed the call; the answer is truncated JSON. */
		MALFORMED_JSON {
			@Override
			void install(SimulatorFaults.Target target) {
				target.once().malformedBody();
			}
		},

		/**
		 * Midtrans processed the call; HTTP 200 arrives, the body only after the read
		 * timeout.
		 */
		SLOW_BODY_PAST_READ_TIMEOUT {
			@Override
			void install(SimulatorFaults.Target target) {
				target.once().slowBody(READ_TIMEOUT.multipliedBy(4));
			}
		};

		abstract void install(SimulatorFaults.Target target);

	}

}
