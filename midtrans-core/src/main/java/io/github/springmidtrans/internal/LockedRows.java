package io.github.springmidtrans.internal;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.ToLongFunction;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

/**
 * Reading a row the services are about to change. Not API.
 */
public final class LockedRows {

	private LockedRows() {
	}

	/**
	 * Lock the first row a query finds and make sure its state is current. The query
	 * selects the entity and its version column ({@code select p, p.version from ...}). A
	 * query hands back the instance a longer-lived persistence context already holds
	 * (open-in-view keeps one per web request), with the state it had when first read;
	 * when the version read under the lock differs from that instance's, the instance is
	 * reloaded, so a transition never starts from a stale state. A row read for the first
	 * time costs no second statement.
	 * @param <T> the entity type
	 * @param entityManager the entity manager of the current transaction
	 * @param query the query, selecting the entity and its version
	 * @param type the entity type
	 * @param version reads the version the instance holds
	 * @return the locked entity with its current state, if any
	 */
	public static <T> Optional<T> first(EntityManager entityManager, TypedQuery<Object[]> query, Class<T> type,
			ToLongFunction<T> version) {
		return first(entityManager, query, type, version, (row, columns) -> {
		});
	}

	/**
	 * {@link #first(EntityManager, TypedQuery, Class, ToLongFunction)} for a query that
	 * selects more columns after the entity and its version, handed to {@code rest} with
	 * the locked entity.
	 * @param <T> the entity type
	 * @param entityManager the entity manager of the current transaction
	 * @param query the query, selecting the entity, its version and more columns
	 * @param type the entity type
	 * @param version reads the version the instance holds
	 * @param rest receives the locked entity and all the columns read
	 * @return the locked entity with its current state, if any
	 */
	public static <T> Optional<T> first(EntityManager entityManager, TypedQuery<Object[]> query, Class<T> type,
			ToLongFunction<T> version, BiConsumer<T, Object[]> rest) {
		return query.setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst().map((columns) -> {
			T row = type.cast(columns[0]);
			long current = ((Number) columns[1]).longValue();
			if (version.applyAsLong(row) != current) {
				entityManager.refresh(row);
			}
			rest.accept(row, columns);
			return row;
		});
	}

}
