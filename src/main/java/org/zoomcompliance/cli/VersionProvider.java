package org.zoomcompliance.cli;

import picocli.CommandLine.IVersionProvider;

/** The version of the jar, from its manifest. */
final class VersionProvider implements IVersionProvider {

    /** The pipeline version, also written into each DPO workbook. */
    static String version() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"zoom-compliance " + version()};
    }
}
