package dev.eaw.web.insights;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.eaw.insights.Column;
import dev.eaw.insights.ColumnType;
import dev.eaw.insights.CsvLayout;
import dev.eaw.insights.Datasets;
import dev.eaw.insights.MlModels;
import dev.eaw.kernel.InvalidInput;
import dev.eaw.kernel.NotFound;
import dev.eaw.kernel.Role;
import dev.eaw.web.support.Flash;

/**
 * The datasets pages: list (with the user's SNOWFLAKE.ML models), upload with a confirmation of the inferred layout,
 * load progress, preview.
 */
@Controller
@RequestMapping("/insights")
class InsightsPagesController {

	private final Datasets datasets;

	private final Uploads uploads;

	private final MlModels mlModels;

	InsightsPagesController(Datasets datasets, Uploads uploads, MlModels mlModels) {
		this.datasets = datasets;
		this.mlModels = mlModels;
		this.uploads = uploads;
	}

	@GetMapping
	String datasets(Model model, Authentication auth) {
		model.addAttribute("datasets", datasets.list());
		boolean admin = auth.getAuthorities().stream().anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()));
		model.addAttribute("mlModels", mlModels.visibleTo(auth.getName(), admin));
		return "insights/datasets";
	}

	@PostMapping("/datasets/inspect")
	String inspect(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "") String name, Model model,
			RedirectAttributes redirect) {
		try {
			String uploadId = uploads.keep(file);
			try {
				model.addAttribute("inspection", datasets.inspect(uploads.file(uploadId)));
			}
			catch (ErrorResponseException ex) {
				uploads.discard(uploadId);
				throw ex;
			}
			model.addAttribute("uploadId", uploadId);
			model.addAttribute("fileName", file.getOriginalFilename());
			model.addAttribute("name", name.isBlank() ? suggestedName(file.getOriginalFilename()) : name);
			model.addAttribute("types", ColumnType.values());
			return "insights/confirm";
		}
		catch (ErrorResponseException ex) {
			Flash.refused(redirect, ex);
			return "redirect:/insights";
		}
	}

	@PostMapping("/datasets/load")
	String load(@RequestParam String uploadId, @RequestParam String name, @RequestParam(defaultValue = "") String description,
			@RequestParam String delimiter, @RequestParam(defaultValue = "false") boolean header,
			@RequestParam("columnName") List<String> names, @RequestParam("columnType") List<ColumnType> types,
			Principal principal, RedirectAttributes redirect) {
		try {
			if (names.size() != types.size()) {
				throw new InvalidInput("Every column needs a name and a type.");
			}
			List<Column> columns = new ArrayList<>();
			for (int i = 0; i < names.size(); i++) {
				columns.add(new Column(names.get(i).strip().toLowerCase(Locale.ROOT), types.get(i)));
			}
			CsvLayout layout = new CsvLayout(delimiter(delimiter), header, columns);
			String job = uploads.startLoad(uploadId, name.strip(), layout, description, principal.getName());
			return "redirect:/insights/loads/" + job;
		}
		catch (ErrorResponseException ex) {
			Flash.refused(redirect, ex);
			return "redirect:/insights";
		}
	}

	@GetMapping("/loads/{id}")
	String progress(@PathVariable String id, Model model) {
		model.addAttribute("job", uploads.view(id).orElseThrow(() -> new NotFound("There is no load " + id + ".")));
		return "insights/load";
	}

	@GetMapping("/datasets/{name}")
	String dataset(@PathVariable String name, Model model) {
		model.addAttribute("preview", datasets.preview(name, 20));
		return "insights/dataset";
	}

	@PostMapping("/datasets/{name}/rename")
	String rename(@PathVariable String name, @RequestParam String newName, Principal principal,
			RedirectAttributes redirect) {
		try {
			String renamed = datasets.rename(name, newName, principal.getName()).name();
			Flash.done(redirect, "insights.dataset.renamed", name, renamed);
			return "redirect:/insights/datasets/" + renamed;
		}
		catch (ErrorResponseException ex) {
			Flash.refused(redirect, ex);
			return "redirect:/insights/datasets/" + name;
		}
	}

	@PostMapping("/datasets/{name}/delete")
	String delete(@PathVariable String name, Principal principal, RedirectAttributes redirect) {
		try {
			datasets.delete(name, principal.getName());
			Flash.done(redirect, "insights.dataset.deleted", name);
		}
		catch (ErrorResponseException ex) {
			Flash.refused(redirect, ex);
		}
		return "redirect:/insights";
	}

	private static char delimiter(String name) {
		return switch (name) {
			case "tab", "\t" -> '\t';
			case "semicolon", ";" -> ';';
			case "pipe", "|" -> '|';
			default -> ',';
		};
	}

	static String suggestedName(@Nullable String fileName) {
		String base = fileName == null ? "" : fileName.replaceAll("\\.[^.]*$", "");
		String name = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
		if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
			name = "data_" + name;
		}
		return name.length() > 63 ? name.substring(0, 63) : name;
	}

}
