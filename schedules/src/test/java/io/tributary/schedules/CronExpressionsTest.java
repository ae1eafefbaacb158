package io.tributary.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronExpressionsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0 */6 * * *   | 0 0 */6 * * ?",
                "0 2 * * 1-5   | 0 0 2 ? * 2,3,4,5,6",
                "0 0 1 * *     | 0 0 0 1 * ?",
                "30 4 * * 0    | 0 30 4 ? * 1",
                "30 4 * * 7    | 0 30 4 ? * 1",
                "0 12 * * sat,SUN | 0 0 12 ? * 1,7",
                "*/15 * * jan-mar * | 0 */15 * * JAN-MAR ?",
                "@daily        | 0 0 0 * * ?",
                "@hourly       | 0 0 * * * ?"
            })
    void convertsTheUnixFormToQuartz(String unix, String quartz) {
        assertThat(CronExpressions.toQuartz(unix)).isEqualTo(quartz);
    }

    @Test
    void keepsAirbytesQuartzExpressionsAsTheyAre() {
        assertThat(CronExpressions.toQuartz("0 0 12 * * ?")).isEqualTo("0 0 12 * * ?");
        assertThat(CronExpressions.toQuartz("0 15 10 ? * MON-FRI 2099")).isEqualTo("0 15 10 ? * MON-FRI 2099");
    }

    @Test
    void namesTheFieldThatIsOutOfRange() {
        assertThatThrownBy(() -> CronExpressions.toQuartz("0 25 * * *"))
                .isInstanceOf(ScheduleException.class)
                .hasMessageContaining("hour field '25': 25 is out of range 0-23");
        assertThatThrownBy(() -> CronExpressions.toQuartz("61 * * * *")).hasMessageContaining("minute field '61'");
        assertThatThrownBy(() -> CronExpressions.toQuartz("0 0 * 13 *")).hasMessageContaining("month field '13'");
        assertThatThrownBy(() -> CronExpressions.toQuartz("0 0 * * funday"))
                .hasMessageContaining("day-of-week field 'funday': 'funday' is not a number or a name such as MON");
    }

    @Test
    void refusesTheWrongNumberOfFieldsAndSaysWhichFormsWork() {
        assertThatThrownBy(() -> CronExpressions.toQuartz("0 0 *"))
                .hasMessageContaining("has 3 fields")
                .hasMessageContaining("'0 */6 * * *'")
                .hasMessageContaining("Quartz syntax with seconds");
        assertThatThrownBy(() -> CronExpressions.toQuartz("  ")).hasMessageContaining("cron expression is empty");
    }

    @Test
    void refusesBothDayFieldsRestrictedBecauseQuartzCannotOrThem() {
        assertThatThrownBy(() -> CronExpressions.toQuartz("0 0 1 * 1"))
                .hasMessageContaining("restricts both day-of-month ('1') and day-of-week ('1')");
    }

    @Test
    void reportsQuartzsOwnParseErrorForSixFields() {
        assertThatThrownBy(() -> CronExpressions.toQuartz("0 0 12 * * *"))
                .isInstanceOf(ScheduleException.class)
                .hasMessageContaining("is not valid")
                .hasMessageContaining("'?'");
    }

    @Test
    void refusesAnExpressionThatNeverFiresAndAnUnknownMacro() {
        assertThatThrownBy(() -> CronExpressions.toQuartz("0 0 30 2 *")).hasMessageContaining("never fires");
        assertThatThrownBy(() -> CronExpressions.toQuartz("@fortnightly")).hasMessageContaining("unknown macro");
    }

    @Test
    void parsesATimeZoneAndRefusesAnUnknownOne() {
        assertThat(Schedule.Cron.parse("0 2 * * *", "Europe/Paris").zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(Schedule.Cron.parse("0 2 * * *", "").zone()).isEqualTo(ZoneId.of("UTC"));
        assertThatThrownBy(() -> Schedule.Cron.parse("0 2 * * *", "Mars/Olympus"))
                .hasMessageContaining("'Mars/Olympus' is not a known time zone");
    }

    @Test
    void refusesABasicScheduleOfZeroUnitsOrAnUnknownUnit() {
        assertThatThrownBy(() -> new Schedule.Basic(0, BasicUnit.HOURS))
                .hasMessageContaining("units must be 1 or more");
        assertThatThrownBy(() -> BasicUnit.fromWire("fortnights"))
                .hasMessageContaining("use minutes, hours, days, weeks or months");
        assertThat(BasicUnit.fromWire("Hours")).isEqualTo(BasicUnit.HOURS);
    }
}
