package org.zoomcompliance.benchmark;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.zoomcompliance.pseudonymisation.IpPseudonym;
import org.zoomcompliance.pseudonymisation.PseudonymKey;
import org.zoomcompliance.pseudonymisation.Pseudonymiser;

/** {@link Pseudonymiser#address}: parse, canonicalise and two HMACs per address, by address kind. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PseudonymiserBenchmark {

    private Pseudonymiser pseudonymiser;

    @Setup
    public void key() {
        byte[] secret = new byte[PseudonymKey.MINIMUM_BYTES];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) (31 * i + 7);
        }
        pseudonymiser = new Pseudonymiser(new PseudonymKey(1, secret));
    }

    @Benchmark
    public IpPseudonym ipv4() {
        return pseudonymiser.address("82.64.211.17");
    }

    @Benchmark
    public IpPseudonym ipv6() {
        return pseudonymiser.address("2a01:cb00:8a1:4f00:1d2c::51a3");
    }

    @Benchmark
    public IpPseudonym ipv4MappedIpv6() {
        return pseudonymiser.address("::ffff:86.245.12.9");
    }

    @Benchmark
    public IpPseudonym notAnAddress() {
        return pseudonymiser.address("555216871.226");
    }
}
