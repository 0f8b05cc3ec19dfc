package io.github.springmidtrans.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** The Markdown report, built section by section. */
final class Report {

	/** A target of the benchmarks and how the run did against it. */
	record Target(String name, String goal, String measured, boolean met, String shortfall) {

	}

	private final StringBuilder body = new StringBuilder();

	private final List<Target> targets = new ArrayList<>();

	Report line(String text) {
		this.body.append(text).append('\n');
		return this;
	}

	Report target(String name, String goal, String measured, boolean met, String shortfall) {
		this.targets.add(new Target(name, goal, measured, met, met ? "" : shortfall));
		return this;
	}

	List<Target> targets() {
		return this.targets;
	}

	String body() {
		return this.body.toString();
	}

}
