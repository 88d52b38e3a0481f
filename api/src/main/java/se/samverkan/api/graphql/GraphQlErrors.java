package se.samverkan.api.graphql;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import se.samverkan.api.security.OperationRefused;
import se.samverkan.domain.DomainException;

/**
 * Turns expected failures into errors a client can act on: bad input and broken rules are BAD_REQUEST, and a broken
 * rule names its id in {@code extensions.rule}. Anything else stays opaque (Spring's default: INTERNAL_ERROR with the
 * execution id only), so nothing internal leaks.
 */
@ControllerAdvice
class GraphQlErrors {

    @GraphQlExceptionHandler
    GraphQLError badInput(BadInputException e, DataFetchingEnvironment env) {
        var error = GraphQLError.newError().errorType(ErrorType.BAD_REQUEST).message(e.getMessage())
                .path(env.getExecutionStepInfo().getPath()).location(env.getField().getSourceLocation());
        if (e.field() != null) {
            error.extensions(java.util.Map.of("code", "BAD_INPUT", "field", e.field()));
        }
        return error.build();
    }

    /**
     * Errors that end a subscription's stream: bad input (a cursor too old to replay) and refused access are said
     * plainly; anything else stays opaque.
     */
    @org.springframework.context.annotation.Bean
    static org.springframework.graphql.execution.SubscriptionExceptionResolver subscriptionErrors() {
        return new org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter() {
            @Override
            protected GraphQLError resolveToSingleError(Throwable e) {
                if (e instanceof BadInputException) {
                    return GraphQLError.newError().errorType(ErrorType.BAD_REQUEST).message(e.getMessage()).build();
                }
                if (e instanceof OperationRefused refused) {
                    return GraphQLError.newError().errorType(refused.anonymous() ? ErrorType.UNAUTHORIZED : ErrorType.FORBIDDEN)
                            .message(e.getMessage()).build();
                }
                if (e instanceof org.springframework.security.access.AccessDeniedException) {
                    return GraphQLError.newError().errorType(ErrorType.FORBIDDEN).message(e.getMessage()).build();
                }
                return GraphQLError.newError().errorType(ErrorType.INTERNAL_ERROR).message("Subscription error").build();
            }
        };
    }

    /** The gate's refusal, with its reason: which operation, and sign in first or which role it needs. */
    @GraphQlExceptionHandler
    GraphQLError refused(OperationRefused e, DataFetchingEnvironment env) {
        return GraphQLError.newError().errorType(e.anonymous() ? ErrorType.UNAUTHORIZED : ErrorType.FORBIDDEN)
                .message(e.getMessage()).path(env.getExecutionStepInfo().getPath())
                .location(env.getField().getSourceLocation()).build();
    }

    @GraphQlExceptionHandler
    GraphQLError brokenRule(DomainException e, DataFetchingEnvironment env) {
        return GraphQLError.newError().errorType(ErrorType.BAD_REQUEST).message(e.getMessage())
                .path(env.getExecutionStepInfo().getPath()).location(env.getField().getSourceLocation())
                .extensions(e.ruleId().isEmpty() ? Map.of() : Map.of("rule", e.ruleId())).build();
    }
}
