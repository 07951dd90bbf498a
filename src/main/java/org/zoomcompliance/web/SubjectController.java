package org.zoomcompliance.web;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zoomcompliance.subject.SubjectAccess;
import org.zoomcompliance.subject.SubjectErasure;
import org.zoomcompliance.subject.SubjectFinder;
import org.zoomcompliance.subject.SubjectRequest;
import org.zoomcompliance.subject.SubjectRestriction;

/**
 * The DPO's Data-subject requests page: search a person, preview the candidates, then export the access workbook,
 * restrict, lift or erase (with confirmation), each step audited by the service as the signed-in user. The
 * identifier typed is posted once and kept in the user's session, under a random token: no page, URL or hidden
 * field repeats it.
 */
@Controller
@ConditionalOnWebApplication
class SubjectController {

    private static final String REQUESTS = SubjectController.class.getName() + ".requests";
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final SubjectFinder finder;
    private final SubjectAccess access;
    private final SubjectRestriction restriction;
    private final SubjectErasure erasure;
    /** Says the flash messages in the request's language (console.properties, subjects.flash.*). */
    private final MessageSourceAccessor say;

    SubjectController(SubjectFinder finder, SubjectAccess access, SubjectRestriction restriction,
            SubjectErasure erasure, MessageSource messages) {
        this.say = new MessageSourceAccessor(messages);
        this.finder = finder;
        this.access = access;
        this.restriction = restriction;
        this.erasure = erasure;
    }

    @GetMapping("/subjects")
    String page() {
        return "subjects";
    }

    /** Searches; the page then shows the candidates and acts on the request through its token. */
    @PostMapping("/subjects/search")
    String search(@RequestParam String kind, @RequestParam String value, HttpSession session, Model model) {
        SubjectRequest request;
        try {
            request = switch (kind) {
                case "email" -> SubjectRequest.email(value);
                case "name" -> SubjectRequest.name(value);
                case "ip" -> SubjectRequest.address(value);
                default -> throw new IllegalArgumentException("choose e-mail, name or address");
            };
            List<SubjectFinder.Candidate> candidates = finder.find(request).candidates();
            String token = UUID.randomUUID().toString();
            requests(session).put(token, request);
            model.addAttribute("token", token);
            model.addAttribute("candidates", candidates);
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "subjects";
    }

    @PostMapping("/subjects/access")
    ResponseEntity<Resource> export(@RequestParam String token, @RequestParam(required = false) List<Integer> candidate,
            HttpSession session, Authentication user) throws IOException {
        SubjectRequest request = request(session, token, candidate);
        Path file = Files.createTempFile(Files.createDirectories(access.defaultFolder()), "console-", ".xlsx");
        try {
            SubjectAccess.Answer answer = access.answer(request, file, user.getName());
            byte[] content = Files.readAllBytes(answer.file());
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("subject-access.xlsx", StandardCharsets.UTF_8).build().toString())
                    .header("X-Content-Type-Options", "nosniff")
                    .cacheControl(CacheControl.noStore())
                    .contentType(XLSX)
                    .body(new ByteArrayResource(content));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @PostMapping("/subjects/restrict")
    String restrict(@RequestParam String token, @RequestParam(required = false) List<Integer> candidate,
            HttpSession session, Authentication user, RedirectAttributes redirect) {
        SubjectRestriction.Change change = restriction.restrict(request(session, token, candidate), user.getName());
        redirect.addFlashAttribute("message", say.getMessage("subjects.flash.restricted",
                new Object[] {change.total(), String.valueOf(change.months())}));
        return "redirect:/subjects";
    }

    @PostMapping("/subjects/lift")
    String lift(@RequestParam String token, HttpSession session, Authentication user, RedirectAttributes redirect) {
        SubjectRestriction.Change change = restriction.lift(request(session, token, null), user.getName());
        redirect.addFlashAttribute("message", say.getMessage("subjects.flash.lifted",
                new Object[] {String.valueOf(change.ids()), String.valueOf(change.months())}));
        return "redirect:/subjects";
    }

    @PostMapping("/subjects/erase")
    String erase(@RequestParam String token, @RequestParam(required = false) List<Integer> candidate,
            @RequestParam(defaultValue = "false") boolean confirm, HttpSession session, Authentication user,
            RedirectAttributes redirect) {
        if (!confirm) {
            redirect.addFlashAttribute("error", say.getMessage("subjects.flash.not-confirmed"));
            return "redirect:/subjects";
        }
        SubjectErasure.Receipt receipt = erasure.erase(request(session, token, candidate), user.getName());
        requests(session).remove(token);
        redirect.addFlashAttribute("message", say.getMessage("subjects.flash.erased",
                new Object[] {String.valueOf(receipt.id()), String.valueOf(receipt.file())}));
        return "redirect:/subjects";
    }

    /** Several people matched and the DPO ticked none: the page says so, and nothing was done. */
    @ExceptionHandler(SubjectFinder.AmbiguousSubjectException.class)
    ModelAndView ambiguous(SubjectFinder.AmbiguousSubjectException e) {
        ModelAndView page = new ModelAndView("subjects");
        page.addObject("error", e.getMessage().replace("with --candidate N", "by ticking the candidates"));
        return page;
    }

    private static SubjectRequest request(HttpSession session, String token, List<Integer> candidates) {
        SubjectRequest request = requests(session).get(token);
        if (request == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the search has expired: search again");
        }
        return request.confirming(candidates == null ? List.of() : candidates);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, SubjectRequest> requests(HttpSession session) {
        synchronized (session) {
            Object requests = session.getAttribute(REQUESTS);
            if (requests == null) {
                requests = new ConcurrentHashMap<String, SubjectRequest>();
                session.setAttribute(REQUESTS, requests);
            }
            return (Map<String, SubjectRequest>) requests;
        }
    }
}
