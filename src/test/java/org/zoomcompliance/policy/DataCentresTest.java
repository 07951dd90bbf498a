package org.zoomcompliance.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zoomcompliance.policy.DataCentres.Location;
import org.zoomcompliance.policy.DataCentres.Region;
import org.zoomcompliance.config.PolicyFile;

class DataCentresTest {

    private final DataCentres dataCentres = DataCentres.load(PolicyFile.defaults().transfers().adequateCountries());

    @Test
    void locatesNamedDataCentresByCountryNotByTheCodeInParenthesis() {
        // given / when / then: "FR" is Frankfurt, in Germany; "SC Top" is in the United States
        assertThat(dataCentres.locate("Germany (FR)")).isEqualTo(new Location("DE", Region.EU_EEA));
        assertThat(dataCentres.locate("United States (SC Top)")).isEqualTo(new Location("US", Region.OTHER));
        assertThat(dataCentres.locate("Netherlands (AM)")).isEqualTo(new Location("NL", Region.EU_EEA));
    }

    @Test
    void locatesCodesOfTheOldDashboardExport() {
        // given / when / then
        assertThat(dataCentres.locate("SC (Top)")).isEqualTo(new Location("US", Region.OTHER));
        assertThat(dataCentres.locate("AM (Sub)")).isEqualTo(new Location("NL", Region.EU_EEA));
        assertThat(dataCentres.locate("TR (Sub)")).isEqualTo(new Location("CA", Region.ADEQUATE));
        assertThat(dataCentres.locate("HK")).isEqualTo(new Location("HK", Region.OTHER));
        assertThat(dataCentres.locate("TY (Top)")).isEqualTo(new Location("JP", Region.ADEQUATE));
        assertThat(dataCentres.locate("CN")).isEqualTo(new Location("CN", Region.OTHER));
    }

    @Test
    void reportsAnUnknownDataCentreAsUnknownNeverAsEuropean() {
        // given / when / then
        assertThat(dataCentres.locate("Atlantis (ZZ)")).isEqualTo(new Location(null, Region.UNKNOWN));
        assertThat(dataCentres.locate("")).isEqualTo(new Location(null, Region.UNKNOWN));
    }

    @Test
    void followsThePolicysAdequateCountries() {
        // given a policy that adds the United States to the adequate countries
        DataCentres withUnitedStates = DataCentres.load(Set.of("US"));

        // when / then
        assertThat(withUnitedStates.locate("SC (Top)")).isEqualTo(new Location("US", Region.ADEQUATE));
        assertThat(withUnitedStates.locate("TR (Sub)")).isEqualTo(new Location("CA", Region.OTHER));
    }
}
