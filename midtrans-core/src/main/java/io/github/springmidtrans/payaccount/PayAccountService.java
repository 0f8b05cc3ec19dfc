package io.github.springmidtrans.payaccount;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.MidtransException;
import io.github.springmidtrans.client.MidtransInvalidResponseException;
import io.github.springmidtrans.client.MidtransOperation;
import io.github.springmidtrans.client.MidtransRefusalException;
import io.github.springmidtrans.client.model.PayAccountNotification;
import io.github.springmidtrans.client.model.PayAccountRequest;
import io.github.springmidtrans.client.model.PayAccountResponse;
import io.github.springmidtrans.internal.LockedRows;
import io.github.springmidtrans.internal.ShortTransactions;
import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Links GoPay accounts (GoPay tokenization) and keeps them in the database.
 *
 * <p>
 * Unlike charges, a link is recorded <em>after</em> Midtrans answers: Midtrans assigns
 * the account id, the call moves no money, and it takes no idempotency key, so there is
 * nothing to record first. A lost answer leaves an unused pending account at GoPay that
 * expires by itself. Midtrans is never called inside a database transaction.
 *
 * <p>
 * Every state change publishes one event after the transaction that recorded it
 * committed: {@link PayAccountLinkedEvent}, {@link PayAccountUnlinkedEvent} or
 * {@link PayAccountExpiredEvent}.
 *
 * @since 0.1.0
 */
public class PayAccountService {

	private static final Logger logger = LoggerFactory.getLogger(PayAccountService.class);

	private final MidtransClient client;

	private final EntityManager entityManager;

	private final ShortTransactions<Object> transactions;

	private final Clock clock;

	/**
	 * Create a service that publishes no events.
	 * @param client the Midtrans client
	 * @param entityManager a shared, transaction-bound entity manager
	 * @param transactionManager the transaction manager of that entity manager
	 * @param clock the clock for timestamps
	 * @deprecated use the constructor that takes an event publisher, so that links,
	 * unlinks and expiries reach the application
	 */
	@Deprecated(since = "0.1.0")
	public PayAccountService(MidtransClient client, EntityManager entityManager,
			PlatformTransactionManager transactionManager, Clock clock) {
		this(client, entityManager, transactionManager, (event) -> {
		}, clock);
	}

	/**
	 * Create a service.
	 * @param client the Midtrans client
	 * @param entityManager a shared, transaction-bound entity manager
	 * @param transactionManager the transaction manager of that entity manager
	 * @param publisher where pay account events go
	 * @param clock the clock for timestamps
	 */
	public PayAccountService(MidtransClient client, EntityManager entityManager,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher publisher, Clock clock) {
		this.client = client;
		this.entityManager = entityManager;
		this.transactions = new ShortTransactions<>(transactionManager, publisher, "PayAccountService");
		this.clock = clock;
	}

	/**
	 * Start linking a GoPay account ({@code POST /v2/pay/account}) and record it
	 * {@link PayAccountState#PENDING} with its activation links; send the customer to
	 * {@link MidtransPayAccount#getActivationUrl()}.
	 * @param request the account to link
	 * @return the recorded account
	 * @throws MidtransException when GoPay refuses (for example an unknown phone number)
	 * or Midtrans cannot be reached
	 * @throws IllegalStateException when called inside a database transaction
	 */
	public MidtransPayAccount link(PayAccountRequest request) {
		this.transactions.requireNone("link", "pay account");
		PayAccountResponse answer = this.client.payAccounts().create(request);
		String accountId = answer.accountId();
		if (accountId == null) {
			throw new IllegalStateException("Midtrans linked a pay account but sent no account_id");
		}
		return this.transactions.run((raised) -> {
			Instant now = this.clock.instant();
			MidtransPayAccount account = lock(accountId).orElseGet(() -> {
				MidtransPayAccount created = new MidtransPayAccount(accountId, request.gopayPartner().phoneNumber(),
						request.gopayPartner().countryCode(), now);
				this.entityManager.persist(created);
				return created;
			});
			applyLocked(account, answer, raised);
			return account;
		});
	}

	/**
	 * Read the account from Midtrans ({@code GET /v2/pay/account/{account_id}}) and apply
	 * it: after the customer approved (or a link notification) it becomes
	 * {@link PayAccountState#ENABLED}. Safe to repeat.
	 * @param accountId the account id
	 * @return the account afterwards
	 * @throws PayAccountNotFoundException when no such account is stored
	 * @throws MidtransException when Midtrans cannot be reached or answers an error
	 */
	public MidtransPayAccount refresh(String accountId) {
		this.transactions.requireNone("refresh", "pay account");
		find(accountId);
		return applyAnswer(accountId, this.client.payAccounts().get(accountId));
	}

	/**
	 * Unbind the account ({@code POST /v2/pay/account/{account_id}/unbind}); it becomes
	 * {@link PayAccountState#DISABLED}. A disabled account returns without a call.
	 * @param accountId the account id
	 * @return the account afterwards
	 * @throws PayAccountNotFoundException when no such account is stored
	 * @throws MidtransRefusalException when GoPay refuses ({@code status_code} 202): the
	 * account keeps its state, and GoPay's response is kept on it
	 * @throws MidtransException when Midtrans cannot be reached or answers an error
	 */
	public MidtransPayAccount unbind(String accountId) {
		this.transactions.requireNone("unbind", "pay account");
		MidtransPayAccount account = find(accountId);
		if (account.getStatus() == PayAccountState.DISABLED) {
			return account;
		}
		PayAccountResponse answer;
		try {
			answer = this.client.payAccounts().unbind(accountId);
		}
		catch (MidtransRefusalException ex) {
			// GoPay refused: the account is still linked. Keep what GoPay said on it.
			logger.warn("Unbind of pay account '{}' refused: {}", accountId, ex.getStatusMessage());
			this.transactions.run((raised) -> {
				lock(accountId).ifPresent((locked) -> locked.recordRefusal(ex.getChannelResponseCode(),
						ex.getChannelResponseMessage(), this.clock.instant()));
				return null;
			});
			throw ex;
		}
		return applyAnswer(accountId, answer);
	}

	/**
	 * Apply a pay account notification (a link or an unbind) the way Midtrans confirms
	 * it: the notification cannot be verified (its signature formula is not published),
	 * so it only names the account; the account is read back from Midtrans ({@code GET
	 * /v2/pay/account/{account_id}}) with no database transaction open, and that answer
	 * is applied, never the body. Safe to repeat: a re-delivery finds the account already
	 * in that state and publishes nothing.
	 * @param notification the notification as posted
	 * @return the account and whether its state changed, or empty when no account with
	 * this id is stored here
	 * @throws IllegalArgumentException when the notification names no account
	 * @throws MidtransException when Midtrans cannot be reached or answers an error, or
	 * answers about another account
	 */
	public Optional<PayAccountUpdate> applyNotification(PayAccountNotification notification) {
		this.transactions.requireNone("applyNotification", "pay account");
		String accountId = notification.accountId();
		if (accountId == null || accountId.isBlank()) {
			throw new IllegalArgumentException("The pay account notification names no account_id");
		}
		if (findByAccountId(accountId).isEmpty()) {
			return Optional.empty();
		}
		PayAccountResponse answer = this.client.payAccounts().get(accountId);
		if (answer.accountId() != null && !accountId.equals(answer.accountId())) {
			// Only Midtrans' answer about this very account may be applied.
			throw new MidtransInvalidResponseException(
					"The read of pay account '" + accountId + "' answered about another account",
					MidtransOperation.PAY_ACCOUNT_GET, accountId, 200, null);
		}
		return Optional.of(this.transactions.run((raised) -> {
			MidtransPayAccount account = lock(accountId).orElseThrow(() -> notFound(accountId));
			PayAccountState previous = account.getStatus();
			boolean changed = applyLocked(account, answer, raised);
			return new PayAccountUpdate(account, previous, changed);
		}));
	}

	/**
	 * Find an account.
	 * @param accountId the account id
	 * @return the account, if stored
	 */
	public Optional<MidtransPayAccount> findByAccountId(String accountId) {
		return inTransaction(() -> this.entityManager
			.createQuery("select a from MidtransPayAccount a where a.accountId = :id", MidtransPayAccount.class)
			.setParameter("id", accountId)
			.getResultStream()
			.findFirst());
	}

	private MidtransPayAccount applyAnswer(String accountId, PayAccountResponse answer) {
		return this.transactions.run((raised) -> {
			MidtransPayAccount account = lock(accountId).orElseThrow(() -> notFound(accountId));
			applyLocked(account, answer, raised);
			return account;
		});
	}

	private boolean applyLocked(MidtransPayAccount account, PayAccountResponse answer, List<Object> raised) {
		PayAccountState previous = account.getStatus();
		Instant now = this.clock.instant();
		if (!account.apply(answer, now)) {
			return false;
		}
		PayAccountState status = account.getStatus();
		logger.info("Pay account '{}' moved {} -> {}", account.getAccountId(), previous, status);
		Object event = switch (status) {
			case ENABLED -> new PayAccountLinkedEvent(account.getAccountId(), previous, status, now);
			case DISABLED -> new PayAccountUnlinkedEvent(account.getAccountId(), previous, status, now);
			case EXPIRED -> new PayAccountExpiredEvent(account.getAccountId(), previous, status, now);
			case PENDING -> null;
		};
		if (event != null) {
			raised.add(event);
		}
		return true;
	}

	private Optional<MidtransPayAccount> lock(String accountId) {
		return LockedRows.first(this.entityManager,
				this.entityManager
					.createQuery("select a, a.version from MidtransPayAccount a where a.accountId = :id",
							Object[].class)
					.setParameter("id", accountId),
				MidtransPayAccount.class, MidtransPayAccount::getVersion);
	}

	private MidtransPayAccount find(String accountId) {
		return findByAccountId(accountId).orElseThrow(() -> notFound(accountId));
	}

	private static PayAccountNotFoundException notFound(String accountId) {
		return new PayAccountNotFoundException("No pay account with id '" + accountId + "' is stored");
	}

	private <T> T inTransaction(Supplier<T> work) {
		return this.transactions.run((raised) -> work.get());
	}

}
