package io.switchboard.testsupport.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Architecture rules every service checks on its main code. Blocking on the event loop stalls every stream sharing
 * that thread; BlockHound catches it at run time in tests, this rule catches it at build time for paths tests miss.
 */
public final class ReactiveRules {

    private static final Set<String> REACTOR_BLOCKING = Set.of("block", "blockFirst", "blockLast", "blockOptional",
            "toIterable", "toStream");

    public static final ArchRule NO_BLOCKING_CALLS = noClasses().should()
            .callMethodWhere(new DescribedPredicate<JavaMethodCall>("a blocking call (Reactor block*, Future.get, "
                    + "CompletableFuture.join, Thread.sleep)") {
                @Override
                public boolean test(JavaMethodCall call) {
                    String name = call.getName();
                    var owner = call.getTargetOwner();
                    if (owner.isAssignableTo(Mono.class) || owner.isAssignableTo(Flux.class)) {
                        return REACTOR_BLOCKING.contains(name);
                    }
                    if (owner.isAssignableTo(Future.class) && name.equals("get")) {
                        return true;
                    }
                    if (owner.isAssignableTo(CompletableFuture.class) && name.equals("join")) {
                        return true;
                    }
                    return owner.isEquivalentTo(Thread.class) && name.equals("sleep");
                }
            })
            .because("everything on the request path is non-blocking");

    private ReactiveRules() {
    }
}
