package cn.lianban.security.rest;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Puts the project's rules ({@link EngineRule}) in front of Camunda's REST API, at both its doors: {@code /engine-rest}
 * for apps and {@code /camunda/api/engine} for Tasklist and Cockpit. Camunda's authorizations still apply after the
 * rules; the rules close what they leave open (claiming for someone else, errors the model does not catch,
 * attachments and comments by id, engine-wide reads).
 */
class EngineRestGuard extends OncePerRequestFilter {

    private final List<EngineRule> rules;

    EngineRestGuard(List<EngineRule> rules) {
        this.rules = rules;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<EnginePath> path = EnginePath.of(request);
        EngineCaller caller = EngineCaller.of(request);
        if (path.isEmpty() || path.get().isEngineList() || caller == null) {
            chain.doFilter(request, response);
            return;
        }
        ReplayableRequest replayable = new ReplayableRequest(request);
        EngineCall call = new EngineCall(request.getMethod(), path.get(), caller, replayable);
        try {
            for (EngineRule rule : rules) {
                rule.check(call);
            }
        } catch (EngineRefusal refusal) {
            refusal.write(response);
            return;
        }
        chain.doFilter(replayable, response);
    }
}
