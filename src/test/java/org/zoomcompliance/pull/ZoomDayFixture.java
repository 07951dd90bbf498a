package org.zoomcompliance.pull;

import java.util.List;

/** {@link ZoomDay} for tests of other packages: a day of the fake API's data and the addresses it holds. */
public final class ZoomDayFixture {

    public static final List<String> ADDRESSES = ZoomDay.ADDRESSES;

    private ZoomDayFixture() {
    }

    /** Loads a day and the account's users, groups and recordings into the fake. */
    public static void load(FakeZoom zoom, String day, String id) {
        ZoomDay.loadAccount(zoom);
        ZoomDay.load(zoom, day, id);
    }

    /** Loads the day's history meetings and disclaimer reports, which no CSV export gives. */
    public static void loadReports(FakeZoom zoom, String day, String id) {
        ZoomDay.loadReports(zoom, day, id);
    }
}
