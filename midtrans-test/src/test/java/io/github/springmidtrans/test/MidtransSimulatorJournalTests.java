package io.github.springmidtrans.test;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.RequestOptions;
import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.RefundRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class MidtransSimulatorJournalTests {

	private final SimulatorFixture fixture = new SimulatorFixture();

	private final MidtransSimulator simulator = this.fixture.simulator;

	private final MidtransClient client = this.fixture.client;

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void journalRecordsRequestsWithoutAuthorization() {
		this.client.charge(ChargeRequest.bankTransfer("ORDER-J", 10_000, Bank.BCA).build(),
				RequestOptions.none().withIdempotencyKey("journal-key"));
		this.client.status("ORDER-J");
		List<RecordedCall> calls = this.simulator.requests();
		assertThat(calls).extracting(RecordedCall::operation)
			.containsExactly(SimulatorOperation.CHARGE, SimulatorOperation.STATUS);
		assertThat(calls).allSatisfy((call) -> {
			assertThat(call.headers()).doesNotContainKey("authorization");
			assertThat(call.header("Authorization")).isNull();
			assertThat(call.orderId()).isEqualTo("ORDER-J");
			assertThat(call.receivedAt()).isEqualTo(SimulatorFixture.START);
		});
		RecordedCall charge = calls.get(0);
		assertThat(charge.method()).isEqualTo("POST");
		assertThat(charge.path()).isEqualTo("/v2/charge");
		assertThat(charge.header("idempotency-key")).isEqualTo("journal-key");
		assertThat(charge.body()).contains("\"order_id\":\"ORDER-J\"");
		assertThat(this.simulator.requestsTo("/v2/ORDER-J/status")).hasSize(1);
		assertThat(this.simulator.requestsTo(SimulatorOperation.CHARGE)).containsExactly(charge);
		assertThat(this.simulator.chargeCount("ORDER-J")).isEqualTo(1);
		assertThat(calls.toString()).doesNotContain(this.simulator.serverKey());
	}

	@Test
	void resetForgetsEverything() {
		this.client.charge(ChargeRequest.gopay("ORDER-R", 10_000).build());
		this.simulator.faults().onAnyCall().always().serverError();
		this.simulator.reset();
		assertThat(this.simulator.transactions()).isEmpty();
		assertThat(this.simulator.requests()).isEmpty();
		assertThat(this.simulator.faults().activeRules()).isZero();
	}

	@Test
	void serverKeyNeverAppearsInLogs() {
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		Logger ours = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("io.github.springmidtrans");
		Level previous = ours.getLevel();
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		root.addAppender(appender);
		ours.setLevel(Level.DEBUG);
		try {
			this.client.charge(ChargeRequest.gopay("ORDER-LOG", 10_000).build());
			this.simulator.pay("ORDER-LOG");
			this.client.refund("ORDER-LOG", RefundRequest.full("refund-log", null));
			this.client.newBuilder().serverKey("SB-Mid-server-wrong").build().status("ORDER-LOG");
		}
		catch (RuntimeException ex) {
			// the wrong key is refused; only the logs matter here
		}
		finally {
			ours.setLevel(previous);
			root.detachAppender(appender);
		}
		assertThat(appender.list).isNotEmpty();
		assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
			.noneMatch((message) -> message.contains(this.simulator.serverKey()) || message.contains("Basic "));
	}

	@Test
	void cardDataAndKeysStayOutOfEveryLoggerEvenAtDebug() {
		// The serving layer is the simulator's own partly for this: server libraries log
		// request lines and headers at DEBUG, and GET /v2/token carries card data in its
		// query.
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		Logger ours = context.getLogger("io.github.springmidtrans");
		Level previousRoot = root.getLevel();
		Level previousOurs = ours.getLevel();
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		root.addAppender(appender);
		root.setLevel(Level.DEBUG);
		ours.setLevel(Level.DEBUG);
		try {
			SimulatorFixture.RawAnswer token = this.fixture.send("GET",
					"/v2/token?client_key=" + this.simulator.clientKey()
							+ "&card_number=4811111111111114&card_exp_month=12" + "&card_exp_year=2030&card_cvv=123",
					"");
			assertThat(token.field("token_id")).isNotBlank();
		}
		finally {
			root.setLevel(previousRoot);
			ours.setLevel(previousOurs);
			root.detachAppender(appender);
		}
		assertThat(appender.list).isNotEmpty();
		assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
			.noneMatch((message) -> message.contains("4811111111111114") || message.contains("card_cvv")
					|| message.contains(this.simulator.serverKey()) || message.contains("Basic "));
	}

}
