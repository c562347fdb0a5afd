package dev.eaw.insights.ai;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VaderTests {

	private static final Vader VADER = Vader.load();

	@Test
	void positiveAndNegatedSentences() {
		assertThat(VADER.compound("The food was great!")).isGreaterThan(0.5);
		assertThat(VADER.compound("The food was not great.")).isLessThan(0);
		assertThat(VADER.compound("This movie is terrible and boring.")).isLessThan(-0.5);
	}

	@Test
	void emphasisRaisesTheScore() {
		assertThat(VADER.compound("GREAT!!!")).isGreaterThan(VADER.compound("great"));
		assertThat(VADER.compound("The food was GREAT, honestly")).isGreaterThan(VADER.compound("The food was great, honestly"));
		assertThat(VADER.compound("The food was very good")).isGreaterThan(VADER.compound("The food was good"));
		assertThat(VADER.compound("The food was slightly good")).isLessThan(VADER.compound("The food was good"));
	}

	@Test
	void butShiftsTheWeightToWhatFollows() {
		assertThat(VADER.compound("The food was good, but the service was horrible.")).isLessThan(0);
		assertThat(VADER.compound("The service was horrible, but the food was great.")).isGreaterThan(0);
	}

	@Test
	void negationReachesThreeWordsBack() {
		assertThat(VADER.compound("I do not really like it")).isLessThan(0);
		assertThat(VADER.compound("I don't like it")).isLessThan(0);
		assertThat(VADER.compound("no problems at all")).isGreaterThanOrEqualTo(0);
	}

	@Test
	void neutralNullAndBlankScoreZero() {
		assertThat(VADER.compound("The table has four legs.")).isZero();
		assertThat(VADER.compound(null)).isZero();
		assertThat(VADER.compound("   ")).isZero();
	}

	@Test
	void scoresStayInRange() {
		String rant = "awful horrible terrible disgusting hateful worst ".repeat(20) + "!!!!!!";
		assertThat(VADER.compound(rant)).isBetween(-1.0, -0.99);
		assertThat(VADER.compound("love ".repeat(50))).isBetween(0.99, 1.0);
	}

}
