package io.berth.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The real-runtime contract with crun. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CrunIT extends RealRuntimeContract {

    @Override
    protected String runtime() {
        return "crun";
    }
}
