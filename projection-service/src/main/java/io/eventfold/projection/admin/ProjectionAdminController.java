package io.eventfold.projection.admin;

import io.eventfold.projection.rebuild.ProjectionOverview;
import io.eventfold.projection.rebuild.ProjectionStatus;
import io.eventfold.projection.rebuild.RebuildStatus;
import io.eventfold.projection.rebuild.Rebuilds;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators see the projections, start a rebuild, follow it and cancel it. */
@RestController
@RequestMapping("/admin/projections")
class ProjectionAdminController {

    private final Rebuilds rebuilds;
    private final ProjectionOverview overview;

    ProjectionAdminController(Rebuilds rebuilds, ProjectionOverview overview) {
        this.rebuilds = rebuilds;
        this.overview = overview;
    }

    @GetMapping
    List<ProjectionStatus> list() {
        return overview.projections();
    }

    @PostMapping("/{name}/rebuild")
    ResponseEntity<RebuildStatus> start(@PathVariable String name) {
        rebuilds.start(name);
        return ResponseEntity.accepted().location(URI.create("/admin/projections/" + name + "/rebuild"))
                .body(status(name));
    }

    @GetMapping("/{name}/rebuild")
    RebuildStatus status(@PathVariable String name) {
        return overview.rebuild(name);
    }

    @DeleteMapping("/{name}/rebuild")
    ResponseEntity<Void> cancel(@PathVariable String name) {
        rebuilds.cancel(name);
        return ResponseEntity.noContent().build();
    }
}
