package io.eventfold.projection.admin;

import io.eventfold.projection.audit.OperatorAction;
import io.eventfold.projection.audit.OperatorAudit;
import io.eventfold.projection.rebuild.ProjectionOverview;
import io.eventfold.projection.rebuild.ProjectionStatus;
import io.eventfold.projection.rebuild.RebuildStatus;
import io.eventfold.projection.rebuild.Rebuilds;
import io.eventfold.security.Caller;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators see the projections, start a rebuild, follow it, cancel it or force its switch, and roll a switch
 * back; every change is audited.
 */
@RestController
@RequestMapping("/admin/projections")
class ProjectionAdminController {

    private final Rebuilds rebuilds;
    private final ProjectionOverview overview;
    private final OperatorAudit audit;

    ProjectionAdminController(Rebuilds rebuilds, ProjectionOverview overview, OperatorAudit audit) {
        this.rebuilds = rebuilds;
        this.overview = overview;
        this.audit = audit;
    }

    @GetMapping
    List<ProjectionStatus> list() {
        return overview.projections();
    }

    @PostMapping("/{name}/rebuild")
    ResponseEntity<RebuildStatus> start(@PathVariable String name, Caller caller) throws Exception {
        return audit.record(caller, OperatorAction.REBUILD, name, () -> {
            rebuilds.start(name);
            return ResponseEntity.accepted().location(URI.create("/admin/projections/" + name + "/rebuild"))
                    .body(status(name));
        });
    }

    @GetMapping("/{name}/rebuild")
    RebuildStatus status(@PathVariable String name) {
        return overview.rebuild(name);
    }

    /** A generation that stopped at MISMATCH goes live despite its differences, if the operator says so. */
    @PostMapping("/{name}/rebuild/switch")
    RebuildStatus forceSwitch(@PathVariable String name, @RequestParam(defaultValue = "false") boolean force,
                              Caller caller) throws Exception {
        return audit.record(caller, OperatorAction.FORCE_SWITCH, name, () -> {
            if (!force) {
                var refused = new ErrorResponseException(HttpStatus.BAD_REQUEST);
                refused.getBody().setTitle("Only a forced switch");
                refused.getBody().setDetail("A rebuild switches by itself once it matches the live generation; "
                        + "force=true switches one that stopped at MISMATCH despite its differences");
                throw refused;
            }
            rebuilds.forceSwitch(name);
            return status(name);
        });
    }

    /** The live generation after a rollback: the one the last switch retired. */
    record Rollback(String projection, int generation) {
    }

    @PostMapping("/{name}/rollback")
    Rollback rollBack(@PathVariable String name, Caller caller) throws Exception {
        return audit.record(caller, OperatorAction.ROLLBACK, name,
                () -> new Rollback(name, rebuilds.rollBack(name).number()));
    }

    @DeleteMapping("/{name}/rebuild")
    ResponseEntity<Void> cancel(@PathVariable String name, Caller caller) throws Exception {
        return audit.record(caller, OperatorAction.CANCEL_REBUILD, name, () -> {
            rebuilds.cancel(name);
            return ResponseEntity.noContent().build();
        });
    }
}
