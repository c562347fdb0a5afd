package dev.eaw.docqa.extraction;

/** A file that cannot be ingested, with a reason meant for the person who uploaded it. */
public class Refusal extends RuntimeException {

	public Refusal(String reason) {
		super(reason, null, false, false);
	}

	public String reason() {
		return getMessage();
	}

}
