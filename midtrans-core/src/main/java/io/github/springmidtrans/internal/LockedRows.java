package io.github.springmidtrans.internal;

import jakarta.persistence.EntityManager;

/**
 * Reading a row the services are about to change. Not API.
 */
public final class LockedRows {

	private LockedRows() {
	}

	/**
	 * Reload a row just locked with {@code PESSIMISTIC_WRITE}. A query hands back the
	 * instance a longer-lived persistence context already holds (open-in-view keeps one
	 * per web request), with the state it had when first read; reloading under the lock
	 * gives the current state, so a transition never starts from a stale one.
	 * @param <T> the entity type
	 * @param entityManager the entity manager that locked it
	 * @param row the locked entity
	 * @return the same entity, reloaded
	 */
	public static <T> T current(EntityManager entityManager, T row) {
		entityManager.refresh(row);
		return row;
	}

}
